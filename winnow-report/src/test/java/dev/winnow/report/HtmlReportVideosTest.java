package dev.winnow.report;

import static dev.winnow.report.ReportFixtures.all;
import static dev.winnow.report.ReportFixtures.between;
import static dev.winnow.report.ReportFixtures.frame;
import static dev.winnow.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportVideosTest {
    static final VideoStrip TREE = new VideoStrip(
            "street/tree.mp4",
            68,
            4,
            List.of(0, 12, 64),
            List.of(
                    frame("street/tree.mp4", 0, 68),
                    frame("street/tree.mp4", 4, 68),
                    frame("street/tree.mp4", 12, 68),
                    frame("street/tree.mp4", 64, 68)));
    static final VideoStrip NIGHT = new VideoStrip(
            "cam/night.mov",
            11,
            1,
            List.of(5, 10),
            List.of(frame("cam/night.mov", 0, 11), frame("cam/night.mov", 5, 11)));

    @Test
    void twoVideos_eachGetsHeaderStripAndTimeline() {
        String html = HtmlReport.render(report(List.of(), List.of(TREE, NIGHT), Optional.empty()));

        assertThat(all("<h2>Videos</h2>", html)).hasSize(1);
        assertThat(all("<div class=\"panel video\" id=\"[^\"]*\"><h3>[^<]*</h3><p class=\"sub\">[^<]*</p>", html))
                .containsExactly(
                        "<div class=\"panel video\" id=\"video-street_2Ftree.mp4\"><h3>street/tree.mp4</h3>"
                                + "<p class=\"sub\">68 frames, every 4th a sample, 3 selected</p>",
                        "<div class=\"panel video\" id=\"video-cam_2Fnight.mov\"><h3>cam/night.mov</h3>"
                                + "<p class=\"sub\">11 frames, every frame a sample, 2 selected</p>");
    }

    @Test
    void timeline_hasATickPerSelectedFrameAtItsPosition() {
        String html = HtmlReport.render(report(List.of(), List.of(TREE, NIGHT), Optional.empty()));
        String tree = between(html, "aria-label=\"selected frames of street/tree.mp4\"", "</svg>");
        String night = between(html, "aria-label=\"selected frames of cam/night.mov\"", "</svg>");

        // 68 frames over x 10..990: frame f at 10 + f * 980 / 67.
        assertThat(all("<line [^>]*class=\"tick\"><title>[^<]*</title></line>", tree))
                .containsExactly(
                        "<line x1=\"10\" x2=\"10\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frame 0</title></line>",
                        "<line x1=\"185.5\" x2=\"185.5\" y1=\"6\" y2=\"26\" "
                                + "class=\"tick\"><title>frame 12</title></line>",
                        "<line x1=\"946.1\" x2=\"946.1\" y1=\"6\" y2=\"26\" "
                                + "class=\"tick\"><title>frame 64</title></line>");
        // 11 frames: frame f at 10 + f * 98.
        assertThat(all("<line [^>]*class=\"tick\"><title>[^<]*</title></line>", night))
                .containsExactly(
                        "<line x1=\"500\" x2=\"500\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frame 5</title></line>",
                        "<line x1=\"990\" x2=\"990\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frame 10</title></line>");
        // The frames shown in the strip are small grey marks on the axis.
        assertThat(all("<line [^>]*class=\"shown\"/>", tree))
                .containsExactly(
                        "<line x1=\"10\" x2=\"10\" y1=\"16\" y2=\"24\" class=\"shown\"/>",
                        "<line x1=\"68.5\" x2=\"68.5\" y1=\"16\" y2=\"24\" class=\"shown\"/>",
                        "<line x1=\"185.5\" x2=\"185.5\" y1=\"16\" y2=\"24\" class=\"shown\"/>",
                        "<line x1=\"946.1\" x2=\"946.1\" y1=\"16\" y2=\"24\" class=\"shown\"/>");
        assertThat(tree)
                .endsWith("<text x=\"10\" y=\"40\" class=\"lbl\">0</text>"
                        + "<text x=\"990\" y=\"40\" class=\"lbl\" text-anchor=\"end\">67</text></svg>");
    }

    @Test
    void strip_marksExactlyTheSelectedFrames() {
        String html = HtmlReport.render(report(List.of(), List.of(TREE, NIGHT), Optional.empty()));
        String tree = between(html, "<h3>street/tree.mp4</h3>", "<svg");

        assertThat(all("<figure id=\"[^\"]*\" class=\"[^\"]*\">", tree))
                .containsExactly(
                        "<figure id=\"frame-street_2Ftree-00-mp4.png\" class=\"frame sel\">",
                        "<figure id=\"frame-street_2Ftree-04-mp4.png\" class=\"frame\">",
                        "<figure id=\"frame-street_2Ftree-12-mp4.png\" class=\"frame sel\">",
                        "<figure id=\"frame-street_2Ftree-64-mp4.png\" class=\"frame sel\">");
        assertThat(all("<figcaption>.*?</figcaption>", tree))
                .containsExactly(
                        "<figcaption><b>frame 0</b> · selected</figcaption>",
                        "<figcaption>frame 4</figcaption>",
                        "<figcaption><b>frame 12</b> · selected</figcaption>",
                        "<figcaption><b>frame 64</b> · selected</figcaption>");
        assertThat(tree)
                .contains("<img alt=\"frame 4 of street/tree.mp4\" width=\"4\" height=\"3\" "
                        + "src=\"data:image/png;base64,AQID\">");
        assertThat(all("class=\"frame sel\"", html)).hasSize(4);
        assertThat(all("class=\"frame\"", html)).hasSize(2);
    }

    @Test
    void videoWithOneFrameAndNoThumbnails_hasOnlyItsTimeline() {
        VideoStrip still = new VideoStrip("a.mp4", 1, 3, List.of(0), List.of());
        String html = HtmlReport.render(report(List.of(), List.of(still), Optional.empty()));

        assertThat(html).contains("<h3>a.mp4</h3><p class=\"sub\">1 frame, every 3rd a sample, 1 selected</p><svg");
        assertThat(html).doesNotContain("<div class=\"strip\">");
        assertThat(all("<line [^>]*class=\"tick\">", html))
                .containsExactly("<line x1=\"500\" x2=\"500\" y1=\"6\" y2=\"26\" class=\"tick\">");
    }

    @Test
    void longVideo_framesCloserThanTheResolutionShareATick() {
        // 100,000 frames over 980 units: a tenth of a unit is about 10 frames.
        VideoStrip longVideo =
                new VideoStrip("long.mp4", 100_000, 1, List.of(0, 1, 2, 50_000, 50_001, 99_999), List.of());
        String html = HtmlReport.render(report(List.of(), List.of(longVideo), Optional.empty()));

        assertThat(html)
                .contains(
                        "<p class=\"sub\">100,000 frames, every frame a sample, 6 selected</p>",
                        "<text x=\"990\" y=\"40\" class=\"lbl\" text-anchor=\"end\">99,999</text>");
        assertThat(all("<line [^>]*class=\"tick\"><title>[^<]*</title></line>", html))
                .containsExactly(
                        "<line x1=\"10\" x2=\"10\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frames "
                                + "0–2</title></line>",
                        "<line x1=\"500\" x2=\"500\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frames "
                                + "50000–50001</title></line>",
                        "<line x1=\"990\" x2=\"990\" y1=\"6\" y2=\"26\" class=\"tick\"><title>frame "
                                + "99999</title></line>");
    }

    @Test
    void noVideos_noSection() {
        String html = HtmlReport.render(report(List.of(), List.of(), Optional.empty()));

        assertThat(html).doesNotContain("<h2>Videos</h2>", "class=\"panel video\"", "class=\"chart timeline\"");
    }

    @Test
    void ordinal_followsEnglish() {
        assertThat(List.of(2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 1000).stream()
                        .map(VideoSection::ordinal)
                        .toList())
                .containsExactly(
                        "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
                        "1,000th");
    }
}
