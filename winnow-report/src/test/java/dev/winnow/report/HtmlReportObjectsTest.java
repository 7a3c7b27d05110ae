package dev.winnow.report;

import static dev.winnow.report.ReportFixtures.all;
import static dev.winnow.report.ReportFixtures.between;
import static dev.winnow.report.ReportFixtures.frame;
import static dev.winnow.report.ReportFixtures.picture;
import static dev.winnow.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportObjectsTest {
    static final VideoStrip TREE = new VideoStrip(
            "street/tree.mp4",
            68,
            4,
            List.of(12),
            List.of(frame("street/tree.mp4", 0, 68), frame("street/tree.mp4", 12, 68)));

    static CropThumbnail crop(String crop, String parent, String category, double score, String file) {
        return new CropThumbnail(crop, parent, category, score, file, picture(crop));
    }

    static ObjectLevelSummary summary(List<CropThumbnail> crops) {
        return new ObjectLevelSummary("detections", 0.1, 1234, 300, crops);
    }

    @Test
    void objectLevel_sentenceAndOneFigurePerCrop() {
        ObjectLevelSummary objects = summary(List.of(
                crop(
                        "street/home-detections-3",
                        "street/home.jpg",
                        "car",
                        0.875,
                        "crops/detections/street/home-detections-3.png"),
                crop(
                        "street/tree-12-mp4-detections-0",
                        "street/tree-12-mp4.png",
                        "tree",
                        0.4,
                        "crops/detections/street/tree-12-mp4-detections-0.png"),
                crop(
                        "objects/cup-detections-1",
                        "objects/cup.jpg",
                        "cup",
                        1,
                        "crops/detections/objects/cup-detections-1.png")));
        String html = HtmlReport.render(report(List.of("street/home.jpg"), List.of(TREE), Optional.of(objects)));
        String section = between(html, "<h2>Objects</h2>", "</section>");

        assertThat(section)
                .startsWith("<h2>Objects</h2><p>Selection on object level: 1,234 crops of task 'detections' "
                        + "from 300 samples, boxes padded by 10%.</p><p class=\"sub\">The first "
                        + "3 selected crops, in selection order; "
                        + "each opens its PNG file and names the sample it was cut from.</p><div "
                        + "class=\"thumbs crops\">");
        assertThat(all("<figure.*?</figure>", section))
                .containsExactly(
                        "<figure id=\"crop-street_2Fhome-detections-3\"><a "
                                + "href=\"crops/detections/street/home-detections-3.png\">"
                                + "<img alt=\"street/home-detections-3\" width=\"4\" height=\"3\" "
                                + "src=\"data:image/png;base64,AQID\"></a>"
                                + "<figcaption><b>car</b> 0.88<br><span class=\"cap\">street/home-detections-3 · from "
                                + "<a href=\"#sample-street_2Fhome.jpg\">street/home.jpg</a></span></"
                                + "figcaption></figure>",
                        "<figure id=\"crop-street_2Ftree-12-mp4-detections-0\">"
                                + "<a href=\"crops/detections/street/tree-12-mp4-detections-0.png\">"
                                + "<img alt=\"street/tree-12-mp4-detections-0\" width=\"4\" height=\"3\" "
                                + "src=\"data:image/png;base64,AQID\"></a>"
                                + "<figcaption><b>tree</b> 0.40<br><span "
                                + "class=\"cap\">street/tree-12-mp4-detections-0 · from "
                                + "<a href=\"#frame-street_2Ftree-12-mp4.png\">street/tree-12-mp4.png</a>"
                                + "</span></figcaption></figure>",
                        "<figure id=\"crop-objects_2Fcup-detections-1\"><a "
                                + "href=\"crops/detections/objects/cup-detections-1.png\">"
                                + "<img alt=\"objects/cup-detections-1\" width=\"4\" height=\"3\" "
                                + "src=\"data:image/png;base64,AQID\"></a>"
                                + "<figcaption><b>cup</b> 1.00<br><span "
                                + "class=\"cap\">objects/cup-detections-1 · from objects/cup.jpg"
                                + "</span></figcaption></figure>");
        // The links point at elements that exist.
        assertThat(html)
                .contains(
                        "<figure id=\"sample-street_2Fhome.jpg\"><img alt=\"street/home.jpg\"",
                        "<figure id=\"frame-street_2Ftree-12-mp4.png\" class=\"frame sel\">");
    }

    @Test
    void scores_areWrittenAsInThumbnailLabels() {
        assertThat(List.of(0.0, 0.004, 0.005, 0.125, 0.5, 0.999, 1.0).stream()
                        .map(ReportNumbers::score)
                        .toList())
                .containsExactly("0.00", "0.00", "0.01", "0.13", "0.50", "1.00", "1.00");
    }

    @Test
    void sentence_singularAndUnpadded() {
        assertThat(ObjectSection.sentence(new ObjectLevelSummary("kp", 0, 1, 1, List.of())))
                .isEqualTo("Selection on object level: 1 crop of task 'kp' from 1 sample, boxes not padded.");
        assertThat(ObjectSection.sentence(new ObjectLevelSummary("d", 0.125, 0, 0, List.of())))
                .isEqualTo("Selection on object level: 0 crops of task 'd' from 0 samples, boxes padded by 12.5%.");
    }

    @Test
    void noSelectedCrops_sentenceOnly() {
        String html = HtmlReport.render(report(List.of(), List.of(), Optional.of(summary(List.of()))));

        assertThat(between(html, "<h2>Objects</h2>", "</section>"))
                .isEqualTo("<h2>Objects</h2><p>Selection on object level: "
                        + "1,234 crops of task 'detections' from 300 samples, boxes padded by 10%.</p>"
                        + "<p class=\"sub\">No selected crops to show.</p></section>");
    }

    @Test
    void noObjectLevel_noSection() {
        String html = HtmlReport.render(report(List.of("b.png"), List.of(), Optional.empty()));

        assertThat(html).doesNotContain("<h2>Objects</h2>", "class=\"thumbs crops\"");
    }

    @Test
    void hostileNames_areEscapedInTextAndEncodedInLinks() {
        String parent = "x/a<b>&\"c' #1.jpg";
        String cropName = "x/a<b>&\"c' #1-<det>-0";
        ObjectLevelSummary objects = new ObjectLevelSummary(
                "<det>",
                0.25,
                1,
                1,
                List.of(crop(cropName, parent, "</b><i>car", 0.5, "crops/<det>/x/a<b>&\"c' #1-<det>-0.png")));
        VideoStrip video = new VideoStrip("v/<script>&.mp4", 2, 1, List.of(1), List.of(frame("v/<script>&.mp4", 1, 2)));
        String html = HtmlReport.render(report(List.of(parent), List.of(video), Optional.of(objects)));

        assertThat(html).doesNotContain("<script", "<b>&\"", "<det>", "</b><i>");
        assertThat(html)
                .contains("<figure id=\"sample-x_2Fa_3Cb_3E_26_22c_27_20_231.jpg\">"
                        + "<img alt=\"x/a&lt;b&gt;&amp;&quot;c&#39; #1.jpg\" width=\"4\" height=\"3\"");
        assertThat(between(html, "<h2>Objects</h2>", "</section>"))
                .isEqualTo("<h2>Objects</h2><p>Selection on object level: "
                        + "1 crop of task '&lt;det&gt;' from 1 sample, boxes padded by 25%.</p><p "
                        + "class=\"sub\">The selected crop, in "
                        + "selection order; each opens its PNG file and names the sample it was cut "
                        + "from.</p><div class=\"thumbs crops\">"
                        + "<figure id=\"crop-x_2Fa_3Cb_3E_26_22c_27_20_231-_3Cdet_3E-0\">"
                        + "<a href=\"crops/%3Cdet%3E/x/a%3Cb%3E%26%22c%27%20%231-%3Cdet%3E-0.png\">"
                        + "<img alt=\"x/a&lt;b&gt;&amp;&quot;c&#39; #1-&lt;det&gt;-0\" width=\"4\" height=\"3\" "
                        + "src=\"data:image/png;base64,AQID\"></a><figcaption><b>&lt;/b&gt;&lt;i&gt;car</"
                        + "b> 0.50<br><span class=\"cap\">"
                        + "x/a&lt;b&gt;&amp;&quot;c&#39; #1-&lt;det&gt;-0 · from <a "
                        + "href=\"#sample-x_2Fa_3Cb_3E_26_22c_27_20_231.jpg\">"
                        + "x/a&lt;b&gt;&amp;&quot;c&#39; #1.jpg</a></span></figcaption></figure></div></section>");
        assertThat(html)
                .contains(
                        "<div class=\"panel video\" "
                                + "id=\"video-v_2F_3Cscript_3E_26.mp4\"><h3>v/&lt;script&gt;&amp;.mp4</h3>",
                        "<figure id=\"frame-v_2F_3Cscript_3E_26-1-mp4.png\" class=\"frame sel\"><img "
                                + "alt=\"frame 1 of v/&lt;script&gt;&amp;.mp4\"",
                        "aria-label=\"selected frames of v/&lt;script&gt;&amp;.mp4\"");
    }
}
