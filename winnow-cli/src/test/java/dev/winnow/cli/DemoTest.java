package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Progress;
import dev.winnow.demo.DemoDataset;
import dev.winnow.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void demo_selectsUncertainAndBalancedSamplesAndWritesAFullReport() throws Exception {
        Path demo = dir.resolve("demo");
        Demo.Result result = Demo.run(demo, 80, 20, CLOCK, Progress.NONE, 2);
        RunSummary summary = result.samples();

        assertThat(summary.runFolder()).isEqualTo(demo.resolve(".winnow/runs/demo"));
        // 80 images and 20 frames, each with a file per task.
        assertThat(summary.counts().listed()).isEqualTo(100);
        assertThat(summary.counts().predictionFiles()).isEqualTo(300);
        assertThat(summary.errors()).isZero();
        assertThat(summary.selected()).hasSize(30);
        assertThat(Files.readString(demo.resolve("run.json"))).isEqualTo(Demo.RUN_CONFIG);

        // Selected samples are more uncertain than the average sample (column 9: shapes.uncertainty_entropy).
        List<String[]> rows = Files.readAllLines(summary.runFolder().resolve("scores.csv")).stream()
                .skip(1)
                .map(l -> l.split(","))
                .toList();
        Set<String> selected = Set.copyOf(summary.selected());
        double all = rows.stream()
                .mapToDouble(r -> Double.parseDouble(r[8]))
                .average()
                .orElseThrow();
        double picked = rows.stream()
                .filter(r -> selected.contains(r[0]))
                .mapToDouble(r -> Double.parseDouble(r[8]))
                .average()
                .orElseThrow();
        assertThat(picked).isGreaterThan(all);

        String html = Files.readString(summary.report());
        assertThat(html).doesNotContain("http://", "https://", "<script");
        // Thirty selected samples, twelve frames in the video's strip, and the one selected frame of the
        // video that is not among those twelve, shown in the strip too.
        assertThat(html.split("data:image/jpeg;base64,", -1)).hasSize(44);
        assertThat(html)
                .contains(
                        "<h2>Class distribution</h2>",
                        "<h2>Scores</h2>",
                        "<h2>Embedding map</h2>",
                        "<h2>Selected samples</h2>",
                        "<h3>shape-class <span class=\"tag\">classification</span></h3>");
        String json = Files.readString(summary.runFolder().resolve("report.json"));
        assertThat(json)
                .contains("\"run_id\" : \"demo\"", "\"started_at\" : \"2026-01-02T03:04:05Z\"", "\"selected\" : 30");

        // The object-level run: every detected shape is a crop, 40 are selected, two to three kinds balanced.
        RunSummary objects = result.objects();
        assertThat(objects.runFolder()).isEqualTo(demo.resolve(".winnow/runs/demo-objects"));
        assertThat(objects.objectTask()).contains("shapes");
        assertThat(objects.selected()).hasSize(40);
        assertThat(objects.errors()).isZero();
        List<String> crops = Files.readAllLines(objects.runFolder().resolve("selected_crops.csv"));
        assertThat(crops).hasSize(41);
        long[] perKind = new long[3];
        for (String row : crops.subList(1, crops.size())) {
            String category = row.split(",")[6];
            perKind[List.of("circle", "square", "triangle").indexOf(category)]++;
            assertThat(objects.runFolder().resolve("crops/shapes/" + row.split(",")[0] + ".png"))
                    .isRegularFile();
        }
        // Uniform balance over three kinds, although the generator draws 60 % circles and 10 % triangles.
        assertThat(perKind).containsExactly(14, 13, 13);
        assertThat(Files.readString(demo.resolve("run-objects.json"))).isEqualTo(Demo.OBJECTS_RUN_CONFIG);
    }

    @Test
    void demo_againInTheSameFolder_replacesTheEarlierDemo() throws Exception {
        Path demo = dir.resolve("demo");
        DemoDataset.generate(demo, 5, 32, 24, 1);
        Files.createDirectories(demo.resolve(".winnow/runs/old"));
        DemoDataset.Generated again = DemoDataset.generate(demo, 3, 32, 24, 1);
        assertThat(again.images()).isEqualTo(3);
        try (var images = Files.list(demo.resolve("images"))) {
            assertThat(images.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()))
                    .containsExactly("shapes-0.jpg", "shapes-1.jpg", "shapes-2.jpg");
        }
        assertThat(demo.resolve(".winnow")).doesNotExist();
    }

    @Test
    void demo_inAFolderWithOtherFiles_isRefused() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> DemoDataset.generate(dir, 3, 32, 24, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The folder " + dir
                        + " is not empty and holds no earlier demo; choose an empty or new folder with --dir.");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void generate_isDeterministic() throws Exception {
        DemoDataset.generate(dir.resolve("a"), 4, 40, 30, 5);
        DemoDataset.generate(dir.resolve("b"), 4, 40, 30, 5);
        for (String file : List.of(
                "images/shapes-3.jpg",
                ".lightly/predictions/shapes/images/shapes-3.json",
                ".lightly/predictions/regions/images/shapes-0.json",
                ".lightly/predictions/tasks.json")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("a/.lightly/predictions/tasks.json")))
                .isEqualTo("[\"shape-class\",\"shapes\",\"regions\"]\n");
    }
}
