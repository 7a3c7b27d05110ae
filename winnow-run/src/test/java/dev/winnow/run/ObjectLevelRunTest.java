package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection on object level: every box of a task is a crop sample. */
class ObjectLevelRunTest {
    private static final String BALANCED = """
            {"selection": {"n_samples": 4, "strategies": [
                {"input": {"type": "EMBEDDINGS", "task": "objects"}, "strategy": {"type": "DIVERSITY"}},
                {"input": {"type": "PREDICTIONS", "task": "objects", "name": "CATEGORY_COUNT"},
                 "strategy": {"type": "BALANCE", "target": {"red": 0.5, "blue": 0.5}}}]},
             "object_level": {"task_name": "objects", "padding": 0.1}, "seed": 5}
            """;

    @TempDir
    Path tmp;

    Path data;

    private RunSummary run(String config, String runId) throws IOException {
        RunConfig parsed = RunConfigParser.parse(config, "run.json", data);
        LocalDatasource input = LocalDatasource.at(data);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(data), input);
        return new RunPipeline(RunPipelineTest.CLOCK, Progress.NONE, 2)
                .run(new RunRequest(input, output, data, parsed, Optional.of(runId)));
    }

    private void write(String file, String text) throws IOException {
        Path path = data.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** A 120x80 PNG: a background with a pattern (so crops differ) and the given filled boxes. */
    private void image(String name, int seed, int[][] boxes, Color[] colours) throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                int v = (x * 7 + y * 13 + seed * 31) % 97;
                image.setRGB(x, y, (v << 16) | (v << 8) | (v + 60));
            }
        }
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < boxes.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(boxes[i][0] + 2, boxes[i][1] + 2, boxes[i][2] - 4, boxes[i][3] - 4);
        }
        g.dispose();
        Path path = data.resolve(name);
        Files.createDirectories(path.getParent());
        ImageIO.write(image, "png", path.toFile());
    }

    private static final Color RED = new Color(220, 20, 20);
    private static final Color BLUE = new Color(20, 20, 220);

    @BeforeEach
    void dataset() throws IOException {
        data = tmp.resolve("data");
        image("a/img0.png", 0, new int[][] {{10, 10, 40, 20}, {60, 30, 30, 30}}, new Color[] {RED, BLUE});
        image("a/img1.png", 1, new int[][] {{0, 0, 20, 20}}, new Color[] {RED});
        image("b/img2.png", 2, new int[][] {{100, 60, 20, 20}, {20, 40, 30, 20}}, new Color[] {BLUE, BLUE});
        image("b/img3.png", 3, new int[][] {{50, 10, 30, 30}, {5, 50, 20, 20}}, new Color[] {RED, RED});
        write(".lightly/predictions/tasks.json", "[\"objects\"]");
        write(".lightly/predictions/objects/schema.json", """
                {"task_type": "object-detection", "categories": [{"id": 0, "name": "red"}, {"id": 1, "name": \
                "blue"}]}""");
        write(".lightly/predictions/objects/a/img0.json", """
                {"predictions": [{"category_id": 0, "bbox": [10, 10, 40, 20], "score": 0.9},
                                 {"category_id": 1, "bbox": [60, 30, 30, 30], "score": 0.6}]}""");
        write(".lightly/predictions/objects/a/img1.json", """
                {"predictions": [{"category_id": 0, "bbox": [0, 0, 20, 20], "score": 0.8}]}""");
        write(".lightly/predictions/objects/b/img2.json", """
                {"predictions": [{"category_id": 1, "bbox": [100, 60, 20, 20], "score": 0.7},
                                 {"category_id": 1, "bbox": [20, 40, 30, 20], "score": 0.5}]}""");
        write(".lightly/predictions/objects/b/img3.json", """
                {"predictions": [{"category_id": 0, "bbox": [50, 10, 30, 30], "score": 0.95},
                                 {"category_id": 0, "bbox": [5, 50, 20, 20], "score": 0.3}]}""");
    }

    @Test
    void everyBoxIsACrop_andBalanceIsMetOnCropCategories() throws IOException {
        RunSummary summary = run(BALANCED, "objects");

        Path folder = summary.runFolder();
        assertThat(Files.readAllLines(folder.resolve("embeddings.csv")).stream()
                        .skip(1)
                        .map(l -> l.split(",")[0]))
                .containsExactly(
                        "a/img0-objects-0",
                        "a/img0-objects-1",
                        "a/img1-objects-0",
                        "b/img2-objects-0",
                        "b/img2-objects-1",
                        "b/img3-objects-0",
                        "b/img3-objects-1");
        assertThat(summary.counts().processed()).isEqualTo(7);
        List<String> rows = Files.readAllLines(folder.resolve(RunPipeline.SELECTED_CROPS));
        assertThat(rows.get(0)).isEqualTo("crop,parent,x,y,width,height,category,score");
        // Pinned for seed 5: diversity alternates the colours, balance keeps them two and two.
        assertThat(rows)
                .containsExactly(
                        "crop,parent,x,y,width,height,category,score",
                        "a/img0-objects-0,a/img0.png,10,10,40,20,red,0.9",
                        "a/img0-objects-1,a/img0.png,60,30,30,30,blue,0.6",
                        "a/img1-objects-0,a/img1.png,0,0,20,20,red,0.8",
                        "b/img2-objects-0,b/img2.png,100,60,20,20,blue,0.7");
        assertThat(rows.stream().skip(1).filter(r -> r.contains(",red,")).count())
                .isEqualTo(2);
        assertThat(rows.stream().skip(1).filter(r -> r.contains(",blue,")).count())
                .isEqualTo(2);
        // selected.txt lists each selected crop's parent once, in the order of its first crop.
        List<String> parents =
                rows.stream().skip(1).map(r -> r.split(",")[1]).distinct().toList();
        assertThat(Files.readAllLines(folder.resolve("selected.txt"))).isEqualTo(parents);
        assertThat(summary.selected())
                .isEqualTo(rows.stream().skip(1).map(r -> r.split(",")[0]).toList());
        for (String row : rows.subList(1, rows.size())) {
            assertThat(folder.resolve("crops/objects/" + row.split(",")[0] + ".png"))
                    .isRegularFile();
        }
        assertThat(Files.readString(folder.resolve("report.json")))
                .contains("\"task_name\" : \"objects\"", "\"crops\" : 7", "\"parents\" : 4");
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html)
                .contains(
                        "<div class=\"card \"><div class=\"v\">7</div><div class=\"l\">Crops cut now</div></div>",
                        "<div class=\"card accent\"><div class=\"v\">4</div><div class=\"l\">Crops "
                                + "selected</div></div>");
        assertThat(html).doesNotContain("Known from earlier runs");
        assertThat(summary.toText())
                .isEqualTo("Run objects finished.\n"
                        + "  samples:     4 listed (4 images), 0 unreadable\n"
                        + "  crops:       7 boxes of task 'objects' cut and embedded\n"
                        + "  predictions: 4 files, 0 invalid; 0 errors, 0 warnings\n"
                        + "  selected:    4 of 7 candidates (picked the requested number of samples)\n"
                        + "  results:     " + folder + "\n"
                        + "  report:      " + folder.resolve("report.html") + "\n");
    }

    @Test
    void selectedCropsCsv_givesTheBoxCategoryAndScore() throws IOException {
        String all = BALANCED.replace("\"n_samples\": 4", "\"n_samples\": 7");
        RunSummary summary = run(all, "all");

        assertThat(Files.readAllLines(summary.runFolder().resolve(RunPipeline.SELECTED_CROPS)).stream()
                        .skip(1)
                        .sorted())
                .containsExactly(
                        "a/img0-objects-0,a/img0.png,10,10,40,20,red,0.9",
                        "a/img0-objects-1,a/img0.png,60,30,30,30,blue,0.6",
                        "a/img1-objects-0,a/img1.png,0,0,20,20,red,0.8",
                        "b/img2-objects-0,b/img2.png,100,60,20,20,blue,0.7",
                        "b/img2-objects-1,b/img2.png,20,40,30,20,blue,0.5",
                        "b/img3-objects-0,b/img3.png,50,10,30,30,red,0.95",
                        "b/img3-objects-1,b/img3.png,5,50,20,20,red,0.3");
    }

    @Test
    void cropFiles_holdThePaddedBoxClippedToTheImage_pixelForPixel() throws IOException {
        RunSummary summary = run(BALANCED.replace("\"n_samples\": 4", "\"n_samples\": 7"), "pixels");

        BufferedImage source = ImageIO.read(data.resolve("a/img0.png").toFile());
        BufferedImage crop = ImageIO.read(summary.runFolder()
                .resolve("crops/objects/a/img0-objects-0.png")
                .toFile());
        // [10, 10, 40, 20] padded by 10%: 44 x 22 from (8, 9).
        assertThat(crop.getWidth()).isEqualTo(44);
        assertThat(crop.getHeight()).isEqualTo(22);
        for (int y = 0; y < 22; y++) {
            for (int x = 0; x < 44; x++) {
                assertThat(crop.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(source.getRGB(8 + x, 9 + y));
            }
        }
        // At the top-left corner: [0, 0, 20, 20] padded would start at -1; clipped, 21 x 21 from (0, 0).
        BufferedImage corner = ImageIO.read(summary.runFolder()
                .resolve("crops/objects/a/img1-objects-0.png")
                .toFile());
        assertThat(corner.getWidth()).isEqualTo(21);
        assertThat(corner.getHeight()).isEqualTo(21);
        // At the bottom-right corner: [100, 60, 20, 20] padded ends at 121 x 81; clipped, 21 x 21 from (99, 59).
        BufferedImage far = ImageIO.read(summary.runFolder()
                .resolve("crops/objects/b/img2-objects-0.png")
                .toFile());
        BufferedImage img2 = ImageIO.read(data.resolve("b/img2.png").toFile());
        assertThat(far.getWidth()).isEqualTo(21);
        assertThat(far.getHeight()).isEqualTo(21);
        assertThat(far.getRGB(20, 20)).isEqualTo(img2.getRGB(119, 79));
        assertThat(far.getRGB(0, 0)).isEqualTo(img2.getRGB(99, 59));
    }

    @Test
    void aSecondRun_neverReselectsACrop() throws IOException {
        RunSummary first = run(BALANCED.replace("\"n_samples\": 4", "\"n_samples\": 3"), "first");
        RunSummary second = run(BALANCED.replace("\"n_samples\": 4", "\"n_samples\": 3"), "second");

        assertThat(second.counts().earlierSelected()).isEqualTo(3);
        assertThat(second.counts().candidates()).isEqualTo(4);
        assertThat(first.selected()).containsExactly("a/img0-objects-0", "a/img0-objects-1", "a/img1-objects-0");
        // None of the first run's picks again.
        assertThat(second.selected()).containsExactly("b/img3-objects-0", "b/img2-objects-0", "b/img3-objects-1");
        assertThat(data.resolve(".winnow/objects/objects/datapool/CURRENT")).isRegularFile();
    }

    @Test
    void cropsFromVideoFrames() throws IOException {
        TestVideo.movingSquare(data.resolve("v/clip.mp4"), 96, 64, new int[] {40, 40, 40, 40});
        for (int i = 0; i < 4; i++) {
            write(".lightly/predictions/objects/v/clip-" + i + "-mp4.json", """
                    {"predictions": [{"category_id": 0, "bbox": [%d, 8, 16, 16], "score": 0.9}]}""".formatted(4 * i));
        }
        RunSummary summary = run(BALANCED.replace("\"n_samples\": 4", "\"n_samples\": 11"), "frames");

        List<String> crops = Files.readAllLines(summary.runFolder().resolve("embeddings.csv")).stream()
                .skip(1)
                .map(l -> l.split(",")[0])
                .filter(n -> n.startsWith("v/"))
                .toList();
        assertThat(crops)
                .containsExactly(
                        "v/clip-0-mp4-objects-0",
                        "v/clip-1-mp4-objects-0",
                        "v/clip-2-mp4-objects-0",
                        "v/clip-3-mp4-objects-0");
        // [8, 8, 16, 16] padded by 10% is 17.6 wide from 7.2: pixels 7 to 24, 18 x 18. Its centre is the white
        // square (H.264 is lossy, so near white), its corner the dark frame.
        BufferedImage crop = ImageIO.read(summary.runFolder()
                .resolve("crops/objects/v/clip-2-mp4-objects-0.png")
                .toFile());
        assertThat(crop.getWidth()).isEqualTo(18);
        assertThat(crop.getHeight()).isEqualTo(18);
        assertThat((crop.getRGB(9, 9) >> 8) & 0xFF).isGreaterThan(230);
        assertThat((crop.getRGB(0, 0) >> 8) & 0xFF).isLessThan(60);
        // Every crop is selected; each parent is listed once, in the order of its first selected crop.
        assertThat(Files.readAllLines(summary.runFolder().resolve("selected.txt")))
                .containsExactly(
                        "b/img3.png",
                        "a/img0.png",
                        "v/clip-1-mp4.png",
                        "b/img2.png",
                        "a/img1.png",
                        "v/clip-0-mp4.png",
                        "v/clip-3-mp4.png",
                        "v/clip-2-mp4.png");
    }

    @Test
    void keypointInstancesWithoutABox_giveNoCrop_andAWarning() throws IOException {
        write(".lightly/predictions/tasks.json", "[\"objects\", \"people\"]");
        write(".lightly/predictions/people/schema.json", """
                {"task_type": "keypoint-detection", "categories": [{"id": 0, "name": "person"}]}""");
        write(".lightly/predictions/people/a/img0.json", """
                {"predictions": [{"category_id": 0, "keypoints": [10, 10, 0.9, 20, 20, 0.8], "score": 0.7},
                                 {"category_id": 0, "keypoints": [30, 30, 0.9], "bbox": [25, 25, 10, 10], "score": \
                0.6}]}""");
        String config = """
                {"selection": {"n_samples": 5, "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": \
                "DIVERSITY"}}]},
                 "object_level": {"task_name": "people"}}""";

        RunSummary summary = run(config, "kp");

        assertThat(summary.selected()).containsExactly("a/img0-people-1");
        assertThat(Files.readString(summary.runFolder().resolve("diagnostics.jsonl")))
                .contains("\"code\":\"W103\",\"file\":\".lightly/predictions/people\",\"pointer\":\"\","
                        + "\"line\":null,\"column\":null,"
                        + "\"message\":\"1 keypoint instance of task 'people' has no bbox, so it "
                        + "gives no crop.\"");
    }

    @Test
    void aTaskThatIsNotListed_orHasNoBoxes_isRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> run(BALANCED.replace("\"task_name\": \"objects\"", "\"task_name\": \"cars\""), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/object_level/task_name names the task 'cars', but the tasks with a valid "
                        + "schema are: objects.");

        write(".lightly/predictions/tasks.json", "[\"objects\", \"weather\"]");
        write(".lightly/predictions/weather/schema.json", """
                {"task_type": "classification", "categories": [{"id": 0, "name": "sun"}]}""");
        assertThatThrownBy(() -> run(BALANCED.replace("\"task_name\": \"objects\"", "\"task_name\": \"weather\""), "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/object_level/task_name names the task 'weather' of type classification, but "
                        + "crops come from the "
                        + "boxes of an object-detection, instance-segmentation or keypoint-detection task.");
    }

    @Test
    void taskEmbeddingsWithoutObjectLevel_sayWhatIsMissing() {
        String config = BALANCED.replace("\"object_level\": {\"task_name\": \"objects\", \"padding\": 0.1}, ", "");

        assertThatThrownBy(() -> run(config, "z"))
                .hasMessage("strategies[0] needs embeddings of task 'objects', but there are none (a "
                        + "task's embeddings are those "
                        + "of its object-level crops; set object_level to select among the "
                        + "objects of 'objects').");
    }

    @Test
    void weightsOnACropsOwnScore_pickTheLeastConfidentBoxesFirst() throws IOException {
        String config = """
                {"selection": {"n_samples": 3, "strategies": [
                    {"input": {"type": "SCORES", "task": "objects", "score": "objectness_least_confidence"},
                     "strategy": {"type": "WEIGHTS"}}]},
                 "object_level": {"task_name": "objects"}}""";

        RunSummary summary = run(config, "weights");

        // objectness_least_confidence of a crop is 1 - its box's score: 0.3, 0.5 and 0.6 are the lowest scores.
        assertThat(summary.selected()).containsExactly("b/img3-objects-1", "b/img2-objects-1", "a/img0-objects-1");
        List<String> scores = Files.readAllLines(summary.runFolder().resolve("scores.csv"));
        assertThat(scores.get(0))
                .isEqualTo("sample,objects.objectness_least_confidence,objects.object_frequency,"
                        + "objects.uncertainty_least_confidence,objects.uncertainty_margin,"
                        + "objects.uncertainty_entropy");
        assertThat(scores).hasSize(8);
    }
}
