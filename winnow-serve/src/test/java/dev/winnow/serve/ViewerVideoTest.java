package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import dev.winnow.format.FrameName;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoders;
import dev.winnow.report.ThumbnailRenderer;
import dev.winnow.testsupport.SampleMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Frames of the repository's real video ({@code street/tree.mp4}, 68 frames of 1280 x 720) as
 * samples: every fourth frame has predictions, as a run with a frame stride of 4 leaves them. The
 * grid and the sample page get the frame's own picture, and a frame's sample page its neighbours.
 */
class ViewerVideoTest {
    private static final String VIDEO = "street/tree.mp4";
    private static final int FRAMES = 68;

    @TempDir
    static Path temp;

    static ViewerServer server;
    static int port;
    static List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path data = temp.resolve("data");
        SampleMedia.copy(VIDEO, data.resolve(VIDEO));
        Path p = data.resolve(".lightly/predictions");
        SmallDatasource.write(p.resolve("tasks.json"), "[\"det\"]");
        SmallDatasource.write(
                p.resolve("det/schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"tree\"}]}");
        for (int frame = 0; frame < FRAMES; frame += 4) {
            FrameName name = FrameName.of(VIDEO, frame, FRAMES);
            SmallDatasource.write(
                    p.resolve("det/" + name.predictionPath()),
                    "{\"file_name\": \"" + name.sampleName() + "\", \"predictions\": [{\"category_id\": 0, \"bbox\":"
                            + " [100, 50, 300, 400], \"score\": 0." + (10 + frame) + "}]}");
        }
        Datasource location = Locations.open(data.toString());
        Viewer viewer = Viewer.open(location, location, false, 2, Progress.NONE, d -> problems.add(d.toText()));
        server = ViewerServer.start(viewer, "127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theGridListsTheFramesWithTheVideosFrameSize() throws Exception {
        Http.Answer answer = Http.get(port, "/api/samples?task=det&size=2");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .startsWith("{\"total\":17,\"page\":1,\"size\":2,\"classes\":{\"det\":{\"tree\":17}},\"samples\":["
                        + "{\"name\":\"street/tree-00-mp4.png\",\"size\":-1,\"width\":320,\"height\":240,");
        assertThat(problems).isEmpty();
    }

    @Test
    void theThumbnailAndTheImageAreTheFramesOwnPictureAtTheirSizes() throws Exception {
        Http.Bytes image = Http.bytes(port, "/api/image/street/tree-12-mp4.png");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(image.body()));
        // 240 pixels on the short side is below the image's limit of 1080: the frame at full size.
        assertThat(full.getWidth()).isEqualTo(320);
        assertThat(full.getHeight()).isEqualTo(240);

        Http.Bytes thumb = Http.bytes(port, "/api/thumb/street/tree-12-mp4.png");
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.contentType()).isEqualTo("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        // Decoded at full size (its short side is the thumbnail's 240), fitting the 320 pixels of the long side.
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);

        // The pictures are frame 12 itself, decoded by the same decoder and encoded the same way, byte for byte.
        assertThat(image.body()).isEqualTo(jpeg(frame(12, 0)));
        assertThat(image.body()).isNotEqualTo(jpeg(frame(11, 0)));
        assertThat(thumb.body())
                .isEqualTo(ThumbnailRenderer.render(
                                "street/tree-12-mp4.png", frame(12, 240), new ImageSize(320, 240), List.of())
                        .bytes());
    }

    @Test
    void aFramesSamplePageHasItsVideoAndTheNeighbouringFrames() throws Exception {
        Http.Answer answer = Http.get(port, "/api/sample/street/tree-12-mp4.png");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .startsWith("{\"name\":\"street/tree-12-mp4.png\",\"size\":-1,\"width\":320,\"height\":240,"
                        + "\"problem\":null,\"video\":{\"file\":\"street/tree.mp4\",\"frame\":12,\"frames\":68,"
                        + "\"strip\":[\"street/tree-00-mp4.png\",\"street/tree-04-mp4.png\",\"street/tree-08-mp4.png\","
                        + "\"street/tree-12-mp4.png\",\"street/tree-16-mp4.png\",\"street/tree-20-mp4.png\","
                        + "\"street/tree-24-mp4.png\",\"street/tree-28-mp4.png\",\"street/tree-32-mp4.png\"]},");
        // The last frames: five before, none after.
        assertThat(Http.get(port, "/api/sample/street/tree-64-mp4.png").body())
                .contains("\"strip\":[\"street/tree-44-mp4.png\",\"street/tree-48-mp4.png\",\"street/tree-52-mp4.png\","
                        + "\"street/tree-56-mp4.png\",\"street/tree-60-mp4.png\",\"street/tree-64-mp4.png\"]}");
        // A frame without predictions is no sample; a name padded for another frame count is none either.
        assertThat(Http.get(port, "/api/sample/street/tree-13-mp4.png").status())
                .isEqualTo(404);
        assertThat(Http.get(port, "/api/thumb/street/tree-012-mp4.png").status())
                .isEqualTo(404);
    }

    @Test
    void theFramesSamplePageShowsTheStripAndLeadsToTheNextFrame() {
        try (HeadlessChromium chromium = HeadlessChromium.start(port)) {
            chromium.open("/sample?name=" + URLEncoder.encode("street/tree-12-mp4.png", StandardCharsets.UTF_8));
            chromium.waiting()
                    .until(d -> d.findElements(By.cssSelector("#strip a.frame")).size() == 9);
            WebDriver browser = chromium.driver();
            assertThat(browser.findElement(By.id("videoTitle")).getText())
                    .isEqualTo("Frame 12 of street/tree.mp4 (68 frames)");
            assertThat(browser.findElements(By.cssSelector("#strip a.frame")))
                    .extracting(a -> a.getDomAttribute("data-name"))
                    .containsExactly(
                            "street/tree-00-mp4.png",
                            "street/tree-04-mp4.png",
                            "street/tree-08-mp4.png",
                            "street/tree-12-mp4.png",
                            "street/tree-16-mp4.png",
                            "street/tree-20-mp4.png",
                            "street/tree-24-mp4.png",
                            "street/tree-28-mp4.png",
                            "street/tree-32-mp4.png");
            assertThat(browser.findElement(By.cssSelector("#strip a.here")).getDomAttribute("data-name"))
                    .isEqualTo("street/tree-12-mp4.png");
            // Every thumbnail of the strip arrived as a picture of the frame's size.
            chromium.waiting()
                    .until(d -> d.findElements(By.cssSelector("#strip img")).stream()
                            .allMatch(img -> "320".equals(img.getDomProperty("naturalWidth"))));
            browser.findElement(By.cssSelector("#strip a[data-name='street/tree-16-mp4.png']"))
                    .click();
            chromium.waiting()
                    .until(d -> "Frame 16 of street/tree.mp4 (68 frames)"
                            .equals(d.findElement(By.id("videoTitle")).getText()));
            assertThat(browser.findElement(By.cssSelector("#strip a.here")).getDomAttribute("data-name"))
                    .isEqualTo("street/tree-16-mp4.png");
            assertThat(browser.findElements(By.cssSelector("#overlay rect.box")))
                    .hasSize(1);
        }
    }

    private static BufferedImage frame(int index, int shortSide) throws Exception {
        Datasource location = Locations.open(temp.resolve("data").toString());
        BufferedImage[] found = {null};
        VideoDecoders.standard().decode(location, VIDEO, FrameRequest.reducedTo(shortSide), (i, image) -> {
            if (i == index) {
                found[0] = image.image();
                return false;
            }
            return true;
        });
        return found[0];
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpeg", out);
        return out.toByteArray();
    }
}
