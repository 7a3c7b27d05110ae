package dev.winnow.report;

import static dev.winnow.report.ReportFixtures.all;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.FrameName;
import dev.winnow.media.Crop;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoders;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report built from the real sample video and images: 16 decoded frames of {@code tree.mp4} and
 * crops cut from {@code street/home.jpg}. Set {@code winnow.reportPreview} to a file to keep the page
 * for a look in a browser.
 */
class HtmlReportRealMediaTest {

    @Test
    void realFramesAndCrops_renderAsDecodablePictures(@TempDir Path temp) throws Exception {
        LocalDatasource input = LocalDatasource.at(SampleMedia.folder());
        String video = "street/tree.mp4";
        VideoDecoders decoders = VideoDecoders.standard();
        int frameCount = decoders.frameCount(input, video);
        List<Integer> shown = VideoStrip.stripFrames(frameCount, 4);
        Set<Integer> wanted = new HashSet<>(shown);
        List<FrameThumbnail> frames = new ArrayList<>();
        DecodedImage[] tree12 = new DecodedImage[1];
        decoders.decode(input, video, new FrameRequest(ThumbnailRenderer.MAX_SIDE, 4), (index, frame) -> {
            if (index == 12) {
                tree12[0] = frame;
            }
            if (wanted.contains(index)) {
                String sample = FrameName.of(video, index, frameCount).sampleName();
                frames.add(new FrameThumbnail(
                        index, ThumbnailRenderer.render(sample, frame.image(), frame.original(), List.of())));
            }
            return true;
        });
        VideoStrip strip = new VideoStrip(video, frameCount, 4, List.of(0, 12, 36, 64), frames);

        DecodedImage home = ImageDecoder.decodeFull(input, "street/home.jpg");
        List<BoundingBox> boxes = List.of(
                new BoundingBox(10, 20, 120, 90),
                new BoundingBox(200, 100, 60, 140),
                new BoundingBox(300, 10, 200, 150));
        List<CropThumbnail> crops = new ArrayList<>();
        for (int k = 0; k < boxes.size(); k++) {
            crops.add(crop(
                    "street/home-detections-" + k,
                    "street/home.jpg",
                    k == 1 ? "person" : "window",
                    0.9 - 0.2 * k,
                    Crop.cut(home, boxes.get(k), 0.1)));
        }
        crops.add(crop(
                "street/tree-12-mp4-detections-0",
                "street/tree-12-mp4.png",
                "tree",
                0.42,
                Crop.cut(tree12[0], new BoundingBox(100, 50, 200, 200), 0.1)));
        Thumbnail homeThumb = ThumbnailRenderer.render("street/home.jpg", home.image(), home.original(), List.of());
        RunReport base = HtmlReportTest.report(List.of(), List.of());
        RunReport report = new RunReport(
                base.runId(),
                base.startedAt(),
                base.seconds(),
                base.input(),
                base.output(),
                base.seed(),
                base.counts(),
                base.diagnostics(),
                base.tasks(),
                base.candidates(),
                base.selected(),
                base.projection(),
                base.isSelected(),
                List.of(homeThumb),
                List.of(strip),
                Optional.of(new ObjectLevelSummary("detections", 0.1, 1234, 300, crops)));

        String html = HtmlReport.render(report);
        Path page = temp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String preview = System.getProperty("winnow.reportPreview");
        if (preview != null) {
            Files.writeString(Path.of(preview), html, StandardCharsets.UTF_8);
        }

        assertThat(frameCount).isEqualTo(68);
        assertThat(frames.stream().map(FrameThumbnail::frame).toList()).isEqualTo(shown);
        assertThat(all("class=\"frame sel\"", html)).hasSize(4);
        assertThat(all("class=\"frame\"", html)).hasSize(12);
        assertThat(all("<line [^>]*class=\"tick\">", html)).hasSize(4);
        assertThat(all("<a href=\"#frame-street_2Ftree-12-mp4.png\">", html)).hasSize(1);
        assertThat(all("<a href=\"#sample-street_2Fhome.jpg\">", html)).hasSize(3);
        // Every picture on the page decodes and has the size its tag says.
        List<String> images =
                all("width=\"\\d+\" height=\"\\d+\" src=\"data:image/jpeg;base64,[A-Za-z0-9+/=]+\"", html);
        assertThat(images).hasSize(1 + 16 + 4);
        for (String tag : images) {
            String[] parts = tag.split("\"");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(parts[5].substring("data:image/jpeg;base64,".length()))));
            assertThat(decoded.getWidth() + "x" + decoded.getHeight()).isEqualTo(parts[1] + "x" + parts[3]);
        }
    }

    private static CropThumbnail crop(String name, String parent, String category, double score, BufferedImage cut)
            throws Exception {
        Thumbnail picture =
                ThumbnailRenderer.render(name, cut, new ImageSize(cut.getWidth(), cut.getHeight()), List.of());
        return new CropThumbnail(name, parent, category, score, "crops/detections/" + name + ".png", picture);
    }
}
