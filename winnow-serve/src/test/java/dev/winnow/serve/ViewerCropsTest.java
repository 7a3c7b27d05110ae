package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.config.RunConfigParser;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An object-level run made by {@code winnow run}'s pipeline on the repository's two street photos:
 * the viewer lists the crops it selected, each with its parent sample, and serves their pictures.
 */
class ViewerCropsTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 3, "strategies": [
                {"input": {"type": "EMBEDDINGS", "task": "things"}, "strategy": {"type": "DIVERSITY"}}]},
             "object_level": {"task_name": "things", "padding": 0.0}, "seed": 3}
            """;

    @TempDir
    static Path temp;

    static Path data;
    static Path runFolder;
    static ViewerServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        data = temp.resolve("data");
        SampleMedia.copy("street/home.jpg", data.resolve("street/home.jpg"));
        SampleMedia.copy("street/building.jpg", data.resolve("street/building.jpg"));
        Path p = data.resolve(".lightly/predictions");
        SmallDatasource.write(p.resolve("tasks.json"), "[\"things\"]");
        SmallDatasource.write(
                p.resolve("things/schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"window\"},"
                        + " {\"id\": 1, \"name\": \"door\"}]}");
        SmallDatasource.write(
                p.resolve("things/street/home.json"),
                "{\"file_name\": \"street/home.jpg\", \"predictions\": ["
                        + "{\"category_id\": 0, \"bbox\": [40, 60, 100, 80], \"score\": 0.9},"
                        + "{\"category_id\": 1, \"bbox\": [300, 150, 60, 120], \"score\": 0.7}]}");
        SmallDatasource.write(
                p.resolve("things/street/building.json"),
                "{\"file_name\": \"street/building.jpg\", \"predictions\": ["
                        + "{\"category_id\": 0, \"bbox\": [100, 100, 150, 90], \"score\": 0.8},"
                        + "{\"category_id\": 0, \"bbox\": [500, 300, 120, 100], \"score\": 0.6}]}");
        LocalDatasource input = LocalDatasource.at(data);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(data), input);
        runFolder = new RunPipeline(
                        Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Progress.NONE, 2)
                .run(new RunRequest(
                        input, output, data, RunConfigParser.parse(CONFIG, "run.json", data), Optional.of("objects")))
                .runFolder();
        Datasource location = Locations.open(data.toString());
        server = ViewerServer.start(Viewer.open(location, location, false, 2, Progress.NONE, d -> {}), "127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunsListCountsTheSelectedCropsAndListsThemWithTheirParents() throws Exception {
        List<String> rows = Files.readAllLines(runFolder.resolve(RunPipeline.SELECTED_CROPS));
        assertThat(rows).hasSize(4);
        assertThat(Http.get(port, "/api/runs").body())
                .isEqualTo("{\"runs\":[{\"id\":\"objects\",\"selected\":"
                        + Files.readAllLines(runFolder.resolve("selected.txt")).size()
                        + ",\"crops\":3,\"map\":true,\"report\":true}]}");
        StringBuilder expected = new StringBuilder("{\"run\":\"objects\",\"crops\":[");
        for (int k = 1; k < rows.size(); k++) {
            String[] f = rows.get(k).split(",");
            expected.append(k > 1 ? "," : "")
                    .append("{\"crop\":\"")
                    .append(f[0])
                    .append("\",\"parent\":\"")
                    .append(f[1])
                    .append("\",\"category\":\"")
                    .append(f[6])
                    .append("\",\"score\":")
                    .append(f[7])
                    .append(",\"picture\":true}");
        }
        expected.append("]}");
        Http.Answer crops = Http.get(port, "/api/runs/objects/crops");
        assertThat(crops.status()).isEqualTo(200);
        assertThat(crops.body()).isEqualTo(expected.toString());
        // Each crop of the four boxes is named after its parent and task.
        assertThat(crops.body())
                .containsPattern(
                        "\"crop\":\"street/(home|building)-things-[01]\",\"parent\":\"street/(home|building).jpg\"");
    }

    @Test
    void eachCropsPictureIsItsPngAndNothingElseIsServed() throws Exception {
        for (String row : Files.readAllLines(runFolder.resolve(RunPipeline.SELECTED_CROPS))
                .subList(1, 4)) {
            String crop = row.split(",")[0];
            Http.Bytes picture = Http.bytes(port, "/api/runs/objects/crop/" + crop);
            assertThat(picture.status()).isEqualTo(200);
            assertThat(picture.contentType()).isEqualTo("image/png");
            assertThat(picture.body())
                    .isEqualTo(Files.readAllBytes(runFolder.resolve("crops/things/" + crop + ".png")));
        }
        Http.Answer missing = Http.get(port, "/api/runs/objects/crop/street/nothing-things-0");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("Run objects selected no crop called \"street/nothing-things-0\".\n");
        assertThat(Http.get(port, "/api/runs/objects/crop/..%2F..%2Fselected.txt")
                        .status())
                .isEqualTo(404);
        assertThat(Http.get(port, "/api/runs/nope/crops").status()).isEqualTo(404);
    }

    @Test
    void theRunsPageShowsEachCropLinkedToItsParentsSamplePage() throws Exception {
        List<String> rows = Files.readAllLines(runFolder.resolve(RunPipeline.SELECTED_CROPS));
        try (HeadlessChromium chromium = HeadlessChromium.start(port)) {
            chromium.open("/runs");
            chromium.waiting()
                    .until(d -> d.findElements(By.cssSelector("section.crops[data-run='objects'] a.crop"))
                                    .size()
                            == 3);
            WebDriver browser = chromium.driver();
            assertThat(browser.findElement(By.cssSelector("section.crops h3")).getText())
                    .isEqualTo("Crops selected by objects (3)");
            List<WebElement> crops = browser.findElements(By.cssSelector("section.crops a.crop"));
            for (int k = 0; k < 3; k++) {
                String[] f = rows.get(k + 1).split(",");
                WebElement card = crops.get(k);
                assertThat(card.getDomAttribute("data-crop")).isEqualTo(f[0]);
                assertThat(card.getDomAttribute("href"))
                        .isEqualTo("/sample?name=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8));
                assertThat(card.findElement(By.cssSelector(".name")).getText())
                        .isEqualTo(f[6] + " " + String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[7])) + " · "
                                + f[1]);
            }
            // The crops' pictures arrived at the sizes of their PNG files.
            chromium.waiting()
                    .until(d -> d.findElements(By.cssSelector("section.crops img")).stream()
                            .allMatch(img -> !"0".equals(img.getDomProperty("naturalWidth"))));
            for (int k = 0; k < 3; k++) {
                String crop = rows.get(k + 1).split(",")[0];
                BufferedImage png = ImageIO.read(
                        runFolder.resolve("crops/things/" + crop + ".png").toFile());
                assertThat(crops.get(k).findElement(By.tagName("img")).getDomProperty("naturalWidth"))
                        .isEqualTo(String.valueOf(png.getWidth()));
            }
            String parent = rows.get(1).split(",")[1];
            crops.get(0).click();
            chromium.waiting()
                    .until(d -> parent.equals(d.findElement(By.id("title")).getText()));
        }
    }
}
