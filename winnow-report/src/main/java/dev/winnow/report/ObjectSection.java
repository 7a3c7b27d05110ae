package dev.winnow.report;

import static dev.winnow.report.Html.esc;
import static dev.winnow.report.ReportNumbers.human;

import java.util.HashMap;
import java.util.Map;

/**
 * The report's "Objects" section for an object-level run: which task's boxes became crops and how
 * they were padded, then the selected crops' thumbnails, each linking to its PNG file in the run
 * folder and to its parent's thumbnail when the report has one.
 */
final class ObjectSection {
    private ObjectSection() {}

    static void render(StringBuilder h, RunReport r) {
        if (r.objectLevel().isEmpty()) {
            return;
        }
        ObjectLevelSummary o = r.objectLevel().get();
        h.append("<section><h2>Objects</h2><p>").append(sentence(o)).append("</p>");
        if (o.thumbnails().isEmpty()) {
            h.append("<p class=\"sub\">No selected crops to show.</p></section>\n");
            return;
        }
        h.append("<p class=\"sub\">")
                .append(
                        o.thumbnails().size() == 1
                                ? "The selected crop"
                                : "The first " + o.thumbnails().size() + " selected crops")
                .append(", in selection order; each opens its PNG file and "
                        + "names the sample it was cut from.</p><div class=\"thumbs crops\">");
        Map<String, String> parentAnchors = parentAnchors(r);
        for (CropThumbnail c : o.thumbnails()) {
            Thumbnail t = c.image();
            h.append("<figure id=\"")
                    .append(Html.anchor("crop", c.crop()))
                    .append("\"><a href=\"")
                    .append(esc(Html.href(c.file())))
                    .append("\">");
            Html.img(h, t, c.crop())
                    .append("</a><figcaption><b>")
                    .append(esc(c.category()))
                    .append("</b> ")
                    .append(ReportNumbers.score(c.score()))
                    .append("<br><span class=\"cap\">")
                    .append(esc(c.crop()))
                    .append(" · from ");
            String anchor = parentAnchors.get(c.parent());
            if (anchor != null) {
                h.append("<a href=\"#")
                        .append(anchor)
                        .append("\">")
                        .append(esc(c.parent()))
                        .append("</a>");
            } else {
                h.append(esc(c.parent()));
            }
            h.append("</span></figcaption></figure>");
        }
        h.append("</div></section>\n");
    }

    /** "Selection on object level: 1,234 crops of task 'detections' from 300 samples, boxes padded by 10%." */
    static String sentence(ObjectLevelSummary o) {
        return "Selection on object level: " + human(o.crops()) + (o.crops() == 1 ? " crop" : " crops") + " of task '"
                + esc(o.task()) + "' from " + human(o.parents()) + (o.parents() == 1 ? " sample" : " samples")
                + (o.padding() == 0
                        ? ", boxes not padded."
                        : ", boxes padded by " + ReportNumbers.n(100 * o.padding()) + "%.");
    }

    /**
     * Where a parent's picture is in the page: its selected-sample thumbnail first, else its frame in a video strip.
     */
    private static Map<String, String> parentAnchors(RunReport r) {
        Map<String, String> anchors = new HashMap<>();
        for (VideoStrip v : r.videos()) {
            for (FrameThumbnail f : v.frames()) {
                String sample = v.frameSample(f.frame());
                anchors.put(sample, Html.anchor("frame", sample));
            }
        }
        for (Thumbnail t : r.thumbnails()) {
            anchors.put(t.sample(), Html.anchor("sample", t.sample()));
        }
        return anchors;
    }
}
