package dev.winnow.report;

import static dev.winnow.report.Html.esc;
import static dev.winnow.report.ReportNumbers.human;
import static dev.winnow.report.ReportNumbers.n;

/**
 * The report's "Videos" section: per video a strip of frame thumbnails with the selected frames
 * outlined, and under it a timeline over all frames with a tick per selected frame.
 */
final class VideoSection {
    /**
     * The timeline's drawing size in SVG units; frame 0 sits at {@link #TIMELINE_PAD}, the last frame at the far end.
     */
    static final int TIMELINE_WIDTH = 1000;

    static final int TIMELINE_PAD = 10;

    private VideoSection() {}

    static void render(StringBuilder h, RunReport r) {
        if (r.videos().isEmpty()) {
            return;
        }
        h.append("<section><h2>Videos</h2><p class=\"sub\">Evenly spaced frames of each video; selected frames are "
                + "outlined. The timeline below each strip spans all frames with a tick per selected frame.</p>");
        for (VideoStrip video : r.videos()) {
            video(h, video);
        }
        h.append("</section>\n");
    }

    private static void video(StringBuilder h, VideoStrip v) {
        h.append("<div class=\"panel video\" id=\"")
                .append(Html.anchor("video", v.video()))
                .append("\"><h3>")
                .append(esc(v.video()))
                .append("</h3><p class=\"sub\">")
                .append(human(v.frameCount()))
                .append(v.frameCount() == 1 ? " frame, " : " frames, ")
                .append(v.stride() == 1 ? "every frame a sample, " : "every " + ordinal(v.stride()) + " a sample, ")
                .append(human(v.selectedFrames().size()))
                .append(" selected</p>");
        if (!v.frames().isEmpty()) {
            h.append("<div class=\"strip\">");
            for (FrameThumbnail f : v.frames()) {
                boolean selected = v.isSelected(f.frame());
                Thumbnail t = f.image();
                h.append("<figure id=\"")
                        .append(Html.anchor("frame", v.frameSample(f.frame())))
                        .append("\" class=\"frame")
                        .append(selected ? " sel" : "")
                        .append("\">");
                Html.img(h, t, "frame " + f.frame() + " of " + v.video()).append("<figcaption>");
                if (selected) {
                    h.append("<b>frame ").append(f.frame()).append("</b> · selected");
                } else {
                    h.append("frame ").append(f.frame());
                }
                h.append("</figcaption></figure>");
            }
            h.append("</div>");
        }
        timeline(h, v);
        h.append("</div>");
    }

    private static void timeline(StringBuilder h, VideoStrip v) {
        int height = 44;
        int axis = 20;
        h.append("<svg viewBox=\"0 0 ")
                .append(TIMELINE_WIDTH)
                .append(' ')
                .append(height)
                .append("\" class=\"chart timeline\" role=\"img\" aria-label=\"selected frames of ")
                .append(esc(v.video()))
                .append("\"><line x1=\"")
                .append(TIMELINE_PAD)
                .append("\" x2=\"")
                .append(TIMELINE_WIDTH - TIMELINE_PAD)
                .append("\" y1=\"")
                .append(axis)
                .append("\" y2=\"")
                .append(axis)
                .append("\" class=\"axis\"/>");
        for (FrameThumbnail f : v.frames()) {
            double x = x(f.frame(), v.frameCount());
            h.append("<line x1=\"")
                    .append(n(x))
                    .append("\" x2=\"")
                    .append(n(x))
                    .append("\" y1=\"")
                    .append(axis - 4)
                    .append("\" y2=\"")
                    .append(axis + 4)
                    .append("\" class=\"shown\"/>");
        }
        // Frames closer than the drawing's resolution share one tick, so a long video stays a small page.
        var selected = v.selectedFrames();
        for (int i = 0; i < selected.size(); ) {
            int first = selected.get(i);
            String x = n(x(first, v.frameCount()));
            int last = first;
            for (i++;
                    i < selected.size() && n(x(selected.get(i), v.frameCount())).equals(x);
                    i++) {
                last = selected.get(i);
            }
            h.append("<line x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(axis - 14)
                    .append("\" y2=\"")
                    .append(axis + 6)
                    .append("\" class=\"tick\"><title>")
                    .append(first == last ? "frame " + first : "frames " + first + "–" + last)
                    .append("</title></line>");
        }
        h.append("<text x=\"")
                .append(TIMELINE_PAD)
                .append("\" y=\"")
                .append(height - 4)
                .append("\" class=\"lbl\">0</text>")
                .append("<text x=\"")
                .append(TIMELINE_WIDTH - TIMELINE_PAD)
                .append("\" y=\"")
                .append(height - 4)
                .append("\" class=\"lbl\" text-anchor=\"end\">")
                .append(human(v.frameCount() - 1))
                .append("</text></svg>");
    }

    /** Where frame {@code frame} of {@code frameCount} lies on the timeline; a one-frame video sits in the middle. */
    static double x(int frame, int frameCount) {
        if (frameCount == 1) {
            return TIMELINE_WIDTH / 2.0;
        }
        return TIMELINE_PAD + frame * (TIMELINE_WIDTH - 2.0 * TIMELINE_PAD) / (frameCount - 1);
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st. */
    static String ordinal(int k) {
        int lastTwo = k % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (k % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return human(k) + suffix;
    }
}
