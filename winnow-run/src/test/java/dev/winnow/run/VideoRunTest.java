package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Video frames as samples of a run: names, stride, predictions and metadata per frame, the datapool, bad videos. */
class VideoRunTest {
    private static final String DIVERSITY = """
            {"selection": {"n_samples": %d, "strategies": [
                {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]},
             "seed": 3, "frame_stride": %d}
            """;
    private static final int[] LEVELS = {0, 30, 60, 90, 120, 150, 180, 210, 240, 20, 50, 80};

    @TempDir
    Path tmp;

    private RunSummary run(Path folder, String config, String runId) throws IOException {
        return run(folder, config, runId, Progress.NONE);
    }

    private RunSummary run(Path folder, String config, String runId, Progress progress) throws IOException {
        RunConfig parsed = RunConfigParser.parse(config, "run.json", folder);
        LocalDatasource input = LocalDatasource.at(folder);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(folder), input);
        return new RunPipeline(RunPipelineTest.CLOCK, progress, 2)
                .run(new RunRequest(input, output, folder, parsed, Optional.of(runId)));
    }

    private static List<String> column0(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(l -> l.split(",")[0])
                .toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void realVideo_everyFrameIsASample_namedAsTheFormatSays() throws IOException {
        Path tree = SampleMedia.file("street/tree.mp4");
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("street"));
        Files.copy(tree, data.resolve("street/tree.mp4"));

        RunSummary summary = run(data, DIVERSITY.formatted(5, 1), "tree");

        List<String> expected = IntStream.range(0, 68)
                .mapToObj(i -> String.format("street/tree-%02d-mp4.png", i))
                .toList();
        assertThat(column0(summary.runFolder().resolve("embeddings.csv"))).isEqualTo(expected);
        assertThat(summary.counts().listed()).isEqualTo(68);
        assertThat(summary.counts().processed()).isEqualTo(68);
        // Pinned for seed 3.
        assertThat(summary.selected())
                .containsExactly(
                        "street/tree-54-mp4.png",
                        "street/tree-65-mp4.png",
                        "street/tree-67-mp4.png",
                        "street/tree-58-mp4.png",
                        "street/tree-64-mp4.png");
        assertThat(summary.errors()).isZero();
        // This module has only the built-in decoder on its class path.
        assertThat(summary.videosByDecoder()).isEqualTo(Map.of("JCodec", 1));
        assertThat(summary.toText())
                .contains("\n  samples:     68 listed (0 images, 1 video with 68 frames), 68 processed, "
                        + "0 known from earlier runs, 0 unreadable\n"
                        + "  videos:      1 read by JCodec\n  predictions: ");

        JsonNode report = JsonMapper.builder()
                .build()
                .readTree(summary.runFolder().resolve("report.json").toFile());
        JsonNode strip = report.get("videos").get(0);
        assertThat(strip.get("video").asString()).isEqualTo("street/tree.mp4");
        assertThat(strip.get("frame_count").asInt()).isEqualTo(68);
        assertThat(strip.get("frame_stride").asInt()).isEqualTo(1);
        List<Integer> selectedFrames = summary.selected().stream()
                .map(s -> Integer.parseInt(s.substring(12, 14)))
                .sorted()
                .toList();
        List<Integer> reported = new ArrayList<>();
        strip.get("selected_frames").forEach(n -> reported.add(n.asInt()));
        assertThat(reported).isEqualTo(selectedFrames);
        // Twelve evenly spaced frames, round(j * 67 / 11) for j = 0..11, and the selected frames (here the five
        // selected and the twelve share one frame, so all sixteen fit).
        List<Integer> thumbnails = new ArrayList<>();
        strip.get("thumbnail_frames").forEach(n -> thumbnails.add(n.asInt()));
        TreeSet<Integer> expectedStrip = new TreeSet<>(List.of(0, 6, 12, 18, 24, 30, 37, 43, 49, 55, 61, 67));
        expectedStrip.addAll(selectedFrames);
        assertThat(expectedStrip).hasSize(16);
        assertThat(thumbnails).containsExactlyElementsOf(expectedStrip);
    }

    @Test
    void frameStride_keepsEveryKthFrame_andTheDatapoolSkipsThemNextTime() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("clips/a.mp4"), 96, 64, LEVELS);

        RunSummary first = run(data, DIVERSITY.formatted(2, 4), "first");

        assertThat(column0(first.runFolder().resolve("embeddings.csv")))
                .containsExactly("clips/a-00-mp4.png", "clips/a-04-mp4.png", "clips/a-08-mp4.png");
        assertThat(first.counts().processed()).isEqualTo(3);

        RunSummary second = run(data, DIVERSITY.formatted(1, 4), "second");
        assertThat(second.counts().listed()).isEqualTo(3);
        assertThat(second.counts().fromDatapool()).isEqualTo(3);
        assertThat(second.counts().processed()).isZero();
    }

    @Test
    void framePredictions_areReadPerFrame_andAMissingOneIsNamedWithItsPadding() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("a.mp4"), 96, 64, LEVELS);
        write(data.resolve(".lightly/predictions/tasks.json"), "[\"squares\"]");
        write(data.resolve(".lightly/predictions/squares/schema.json"), """
                {"task_type": "object-detection", "categories": [{"id": 0, "name": "square"}]}""");
        for (int i = 0; i < LEVELS.length; i++) {
            if (i == 5) {
                // Wrongly padded: the video has 12 frames, so frame 5 is a-05-mp4.
                write(data.resolve(".lightly/predictions/squares/a-5-mp4.json"), "{\"predictions\": []}");
                continue;
            }
            write(data.resolve(".lightly/predictions/squares/" + String.format("a-%02d-mp4.json", i)), """
                    {"predictions": [{"category_id": 0, "bbox": [%d, 8, 16, 16], "score": %s}]}""".formatted(
                            4 * i, i % 2 == 0 ? "0.9" : "0.4"));
        }
        String config = """
                {"selection": {"n_samples": 6, "strategies": [
                    {"input": {"type": "SCORES", "task": "squares", "score": "objectness_least_confidence"},
                     "strategy": {"type": "THRESHOLD", "threshold": 0.5, "operation": "BIGGER"}},
                    {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}}""";

        RunSummary summary = run(data, config, "preds");

        // Odd frames have score 0.4 (objectness 0.6 > 0.5); frame 5 has no file, so no objects (objectness 0).
        assertThat(summary.selected())
                .hasSize(5)
                .containsExactlyInAnyOrder(
                        "a-01-mp4.png", "a-03-mp4.png", "a-07-mp4.png", "a-09-mp4.png", "a-11-mp4.png");
        assertThat(summary.counts().predictionFiles()).isEqualTo(11);
        assertThat(Files.readString(summary.runFolder().resolve("diagnostics.jsonl")))
                .contains(
                        "\"file\":\".lightly/predictions/squares/a-05-mp4.json\"",
                        "\"message\":\"The sample 'a-05-mp4.png' has no prediction file in task "
                                + "'squares'; it counts as having no predictions.\"");
    }

    @Test
    void userMetadata_perFrameFileFirst_elseTheVideosFile() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("a.mp4"), 96, 64, LEVELS);
        write(data.resolve(".lightly/metadata/schema.json"), """
                [{"name": "Cars", "path": "cars", "defaultValue": 0, "valueDataType": "NUMERIC_INT"}]""");
        write(data.resolve(".lightly/metadata/a.json"), "{\"type\": \"video\", \"metadata\": {\"cars\": 1}}");
        write(data.resolve(".lightly/metadata/a-07-mp4.json"), "{\"type\": \"frame\", \"metadata\": {\"cars\": 9}}");
        String config = """
                {"selection": {"n_samples": 12, "strategies": [
                    {"input": {"type": "METADATA", "key": "cars"}, "strategy": {"type": "THRESHOLD", "threshold": 5, \
                "operation": "BIGGER"}}]}}""";

        RunSummary summary = run(data, config, "meta");

        assertThat(summary.selected()).containsExactly("a-07-mp4.png");
    }

    @Test
    void unreadableVideos_areDiagnostics_andTheRunGoesOn() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("good.mp4"), 96, 64, new int[] {10, 200});
        write(data.resolve("broken.mp4"), "this is not a video");
        write(data.resolve("other.avi"), "RIFF....AVI ");

        RunSummary summary = run(data, DIVERSITY.formatted(1, 1), "bad");

        assertThat(column0(summary.runFolder().resolve("embeddings.csv")))
                .containsExactly("good-0-mp4.png", "good-1-mp4.png");
        assertThat(summary.errors()).isEqualTo(2);
        String diagnostics = Files.readString(summary.runFolder().resolve("diagnostics.jsonl"));
        assertThat(diagnostics.lines().toList())
                .containsExactly(
                        "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"broken.mp4\","
                                + "\"pointer\":\"\",\"line\":null,\"column\":null,"
                                + "\"message\":\"The video cannot be read, so its frames are left out of "
                                + "the run: The video 'broken.mp4' is truncated: the box ' is ' at byte "
                                + "0 declares 1952999795 bytes, "
                                + "but the file ends after 19.\"}",
                        "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"other.avi\","
                                + "\"pointer\":\"\",\"line\":null,\"column\":null,"
                                + "\"message\":\"The video cannot be read, so its frames are left out of "
                                + "the run: The video 'other.avi' is in an "
                                + "unsupported video container (.avi); Winnow reads m4v, mov, mp4.\"}");
    }

    @Test
    void precomputedEmbeddings_areLookedUpByFrameName() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("a.mp4"), 96, 64, new int[] {10, 60, 110, 160});
        // Frames 0 and 1 point one way, frame 3 the other; frame 2 has no row.
        write(data.resolve("emb.csv"), """
                filenames,embedding_0,embedding_1,labels
                a-0-mp4.png,1.0,0.0,0
                a-1-mp4.png,0.99,0.01,0
                a-3-mp4.png,0.0,1.0,0
                """);
        String config = """
                {"selection": {"n_samples": 2, "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": \
                "DIVERSITY"}}]},
                 "embeddings": {"file": "emb.csv"}, "seed": 1}""";

        RunSummary summary = run(data, config, "csv");

        assertThat(column0(summary.runFolder().resolve("embeddings.csv")))
                .containsExactly("a-0-mp4.png", "a-1-mp4.png", "a-3-mp4.png");
        // Frames 0 and 1 point the same way: diversity takes one of them and frame 3.
        assertThat(summary.selected()).containsExactly("a-0-mp4.png", "a-3-mp4.png");
        assertThat(Files.readString(summary.runFolder().resolve("diagnostics.jsonl")))
                .isEqualTo("{\"severity\":\"error\","
                        + "\"code\":\"E031\",\"file\":\"a-2-mp4.png\",\"pointer\":\"\",\"line\":null,"
                        + "\"column\":null,\"message\":\"The sample has no "
                        + "row in the embeddings from '" + data.resolve("emb.csv")
                        + "' (3 rows, 2 dimensions), so it is left out of the run.\"}\n");
    }

    @Test
    void progress_countsEveryFrameBeforeThePhaseEnds() throws IOException {
        Path data = tmp.resolve("data");
        TestVideo.movingSquare(data.resolve("a.mp4"), 96, 64, LEVELS);
        List<String> events = new ArrayList<>();
        Progress recorder = new Progress() {
            private long last;

            @Override
            public void phase(String name, long total) {
                events.add(name + " (" + total + ")");
                last = -1;
            }

            @Override
            public void advance(long done) {
                last = done;
            }

            @Override
            public void message(String line) {}

            @Override
            public void endPhase() {
                events.add("done at " + last);
            }
        };

        run(data, DIVERSITY.formatted(2, 1), "progress", recorder);

        int phase = events.indexOf("Decoding and embedding (12)");
        assertThat(phase).isNotNegative();
        assertThat(events.get(phase + 1)).isEqualTo("done at 12");
    }
}
