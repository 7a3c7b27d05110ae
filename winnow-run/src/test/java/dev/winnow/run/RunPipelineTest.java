package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.OutputLock;
import dev.winnow.datasource.Progress;
import dev.winnow.demo.DemoDataset;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.select.SelectionException;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPipelineTest {
    static final String DIVERSITY_4 = """
            {"selection": {"n_samples": 4, "strategies": [
                {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]},
             "seed": 7}
            """;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    Path data;

    @BeforeEach
    void generate() throws IOException {
        data = tmp.resolve("data");
        DemoDataset.generate(data, 16, 64, 48, 11);
    }

    RunSummary run(Path folder, String config, @Nullable String runId) throws IOException {
        return run(folder, config, runId, Progress.NONE);
    }

    RunSummary run(Path folder, String config, @Nullable String runId, Progress progress) throws IOException {
        RunConfig parsed = RunConfigParser.parse(config, "run.json", folder);
        LocalDatasource input = LocalDatasource.at(folder);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(folder), input);
        return new RunPipeline(CLOCK, progress, 2)
                .run(new RunRequest(input, output, folder, parsed, Optional.ofNullable(runId)));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void run_writesEveryOutputAndSelectsTheSameSamplesForTheSameSeed() throws IOException {
        RunSummary summary = run(data, DIVERSITY_4, null);

        assertThat(summary.runId()).isEqualTo("20260304-050607");
        Path runFolder = data.resolve(".winnow/runs/20260304-050607");
        assertThat(summary.runFolder()).isEqualTo(runFolder);
        try (Stream<Path> files = Files.list(runFolder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            "diagnostics.jsonl",
                            "embeddings.csv",
                            "report.html",
                            "report.json",
                            "run.complete",
                            "scores.csv",
                            "selected.txt",
                            "selection.csv");
        }
        List<String> selected = read(runFolder.resolve("selected.txt")).lines().toList();
        // Pinned: the generated data and seed 7 always give these picks (k-center greedy, seeded first pick).
        assertThat(read(runFolder.resolve("selected.txt")))
                .isEqualTo("images/shapes-04.jpg\nimages/shapes-08.jpg\nimages/shapes-06.jpg\nimages/shapes-09.jpg\n");
        assertThat(summary.selected()).isEqualTo(selected);
        assertThat(summary.counts().listed()).isEqualTo(16);
        assertThat(summary.counts().processed()).isEqualTo(16);
        assertThat(summary.counts().predictionFiles()).isEqualTo(48);
        assertThat(summary.errors()).isZero();

        String report = read(runFolder.resolve("report.json"));
        assertThat(report)
                .contains(
                        "\"samples_listed\" : 16",
                        "\"candidates\" : 16",
                        "\"selected\" : 4",
                        "\"prediction_files\" : 48",
                        "\"prediction_files_invalid\" : 0");
        assertThat(read(runFolder.resolve("selection.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("sample,order,value,EMBEDDINGS->DIVERSITY");
        assertThat(read(runFolder.resolve("scores.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("sample,"
                        + "shape-class.uncertainty_least_confidence,"
                        + "shape-class.uncertainty_margin,shape-class.uncertainty_entropy,"
                        + "shapes.objectness_least_confidence,shapes.object_frequency,"
                        + "shapes.uncertainty_least_confidence,"
                        + "shapes.uncertainty_margin,shapes.uncertainty_entropy,"
                        + "regions.uncertainty_least_confidence,regions.uncertainty_margin,"
                        + "regions.uncertainty_entropy");
        assertThat(read(runFolder.resolve("embeddings.csv")).lines()).hasSize(17);
        assertThat(read(runFolder.resolve("diagnostics.jsonl"))).isEmpty();

        // The same data, config and seed elsewhere select exactly the same samples in the same order.
        Path copy = tmp.resolve("copy");
        DemoDataset.generate(copy, 16, 64, 48, 11);
        assertThat(run(copy, DIVERSITY_4, "again").selected()).isEqualTo(selected);
    }

    @Test
    void aRunWhileAnotherHoldsTheOutput_isRefused_andAStaleLockIsTakenOverAndSaid() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        String host = InetAddress.getLocalHost().getHostName();
        try (OutputLock held = OutputLock.acquire(data, "winnow run")) {
            assertThatThrownBy(() -> run(data, DIVERSITY_4, "second"))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessage("The output " + data + " is being written by 'winnow run' (process " + self.pid()
                            + " on host "
                            + host + ", started " + self.info().startInstant().orElseThrow()
                            + "); wait until it ends, or delete "
                            + data.resolve(".winnow/lock") + " if that process no longer runs.");
        }
        assertThat(Files.exists(data.resolve(".winnow/runs/second"))).isFalse();
        // A lock file left by a process that has ended (its operating-system lock went with it).
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(gone.waitFor()).isZero();
        Files.writeString(
                data.resolve(".winnow/lock"),
                "host=" + host + "\npid=" + gone.pid() + "\nstarted=2026-01-02T03:04:05Z\ncommand=winnow run\n");
        List<String> messages = new ArrayList<>();
        Progress listening = new Progress() {
            @Override
            public void phase(String name, long total) {}

            @Override
            public void advance(long done) {}

            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        assertThat(run(data, DIVERSITY_4, "third", listening).selected()).hasSize(4);
        assertThat(messages.get(0))
                .isEqualTo("Took over the lock " + data.resolve(".winnow/lock") + " left by 'winnow run'" + " (process "
                        + gone.pid() + " on host " + host + ", started 2026-01-02T03:04:05Z), which no longer runs.");
        assertThat(Files.size(data.resolve(".winnow/lock"))).isZero();
    }

    @Test
    void secondRun_processesOnlyNewSamplesAndNeverReselects() throws IOException {
        RunSummary first = run(data, DIVERSITY_4, "first");
        // Grow the datasource: 8 more images, copied under new names from a second generated set.
        Path more = tmp.resolve("more");
        DemoDataset.generate(more, 8, 64, 48, 99);
        try (Stream<Path> images = Files.list(more.resolve("images"))) {
            for (Path image : images.toList()) {
                Files.copy(image, data.resolve("images/new-" + image.getFileName()));
            }
        }
        RunSummary second = run(data, DIVERSITY_4, "second");

        assertThat(second.counts().listed()).isEqualTo(24);
        assertThat(second.counts().fromDatapool()).isEqualTo(16);
        assertThat(second.counts().processed()).isEqualTo(8);
        assertThat(second.counts().candidates()).isEqualTo(8);
        assertThat(second.counts().earlierSelected()).isEqualTo(4);
        assertThat(second.selected()).hasSize(4).allMatch(s -> s.startsWith("images/new-"));
        Datapool pool = Datapool.load(data.resolve(".winnow"));
        assertThat(pool.sampleCount()).isEqualTo(24);
        assertThat(pool.selected())
                .containsExactlyElementsOf(Stream.concat(first.selected().stream(), second.selected().stream())
                        .toList());

        RunSummary all = run(
                data,
                DIVERSITY_4.replace("\"seed\": 7", "\"seed\": 7, \"datasource\": {\"process_all\": true}"),
                "all");
        assertThat(all.counts().processed()).isEqualTo(24);
        assertThat(all.counts().candidates()).isEqualTo(16);
        assertThat(all.selected()).doesNotContainAnyElementsOf(pool.selected());
    }

    @Test
    void secondRun_diversityKeepsItsDistanceFromEarlierSelections() throws IOException {
        RunSummary first = run(data, DIVERSITY_4, "first");
        // New images: exact copies of two samples selected before, and two copies of unselected ones.
        List<String> unselected = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = String.format("images/shapes-%02d.jpg", i);
            if (!first.selected().contains(name)) {
                unselected.add(name);
            }
        }
        Files.copy(data.resolve(first.selected().get(0)), data.resolve("images/new-a.jpg"));
        Files.copy(data.resolve(first.selected().get(1)), data.resolve("images/new-b.jpg"));
        Files.copy(data.resolve(unselected.get(0)), data.resolve("images/new-c.jpg"));
        Files.copy(data.resolve(unselected.get(1)), data.resolve("images/new-d.jpg"));
        String two = DIVERSITY_4.replace("\"n_samples\": 4", "\"n_samples\": 2");

        RunSummary second = run(data, two, "second");

        // A copy of an earlier pick is at distance 0 from the selection, so diversity takes the others.
        assertThat(second.counts().candidates()).isEqualTo(4);
        assertThat(second.selected()).containsExactlyInAnyOrder("images/new-c.jpg", "images/new-d.jpg");
    }

    @Test
    void runKilledMidway_leavesNoTraceAndRerunSelectsTheSame() throws IOException {
        run(data, DIVERSITY_4, "first");
        Path more = tmp.resolve("more");
        DemoDataset.generate(more, 8, 64, 48, 99);
        try (Stream<Path> images = Files.list(more.resolve("images"))) {
            for (Path image : images.toList()) {
                Files.copy(image, data.resolve("images/new-" + image.getFileName()));
            }
        }
        String poolBefore = read(data.resolve(".winnow/datapool/CURRENT"));
        Progress dying = new Progress() {
            String phase = "";

            @Override
            public void phase(String name, long total) {
                phase = name;
            }

            @Override
            public void advance(long done) {
                if (phase.equals("Decoding and embedding") && done >= 4) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public void message(String line) {}
        };
        assertThatThrownBy(() -> run(data, DIVERSITY_4, "second", dying)).hasMessage("killed");
        assertThat(data.resolve(".winnow/runs/second")).doesNotExist();
        assertThat(read(data.resolve(".winnow/datapool/CURRENT"))).isEqualTo(poolBefore);
        assertThat(Datapool.load(data.resolve(".winnow")).sampleCount()).isEqualTo(16);

        RunSummary rerun = run(data, DIVERSITY_4, "second");
        assertThat(rerun.counts().processed()).isEqualTo(8);
        assertThat(data.resolve(".winnow/runs/.second.partial")).doesNotExist();

        // A run that was never interrupted, on an identical copy, selects the same.
        Path twin = tmp.resolve("twin");
        DemoDataset.generate(twin, 16, 64, 48, 11);
        run(twin, DIVERSITY_4, "first");
        try (Stream<Path> images = Files.list(more.resolve("images"))) {
            for (Path image : images.toList()) {
                Files.copy(image, twin.resolve("images/new-" + image.getFileName()));
            }
        }
        assertThat(read(data.resolve(".winnow/runs/second/selected.txt")))
                .isEqualTo(read(run(twin, DIVERSITY_4, "second").runFolder().resolve("selected.txt")));
    }

    @Test
    void corruptImageAndInvalidPredictionFile_areReportedAndLeftOut() throws IOException {
        Files.write(data.resolve("images/broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Files.writeString(
                data.resolve(".lightly/predictions/shape-class/images/shapes-03.json"), "{\"predictions\": [");
        RunSummary summary = run(data, DIVERSITY_4, "r");

        assertThat(summary.counts().listed()).isEqualTo(17);
        assertThat(summary.counts().unreadable()).isEqualTo(1);
        assertThat(summary.counts().candidates()).isEqualTo(16);
        assertThat(summary.counts().invalidPredictionFiles()).isEqualTo(1);
        List<String> lines =
                read(summary.runFolder().resolve("diagnostics.jsonl")).lines().toList();
        // Sorted by file, as every command sorts its diagnostics.
        assertThat(lines)
                .containsExactly(
                        "{\"severity\":\"error\",\"code\":\"E001\",\"file\":\".lightly/predictions/"
                                + "shape-class/images/shapes-03.json\","
                                + "\"pointer\":\"\",\"line\":1,\"column\":18,\"message\":\"The file is "
                                + "not well-formed JSON: the text "
                                + "ends before the list is closed with ']'.\"}",
                        "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"images/broken.jpg\",\"pointer\":\"\","
                                + "\"line\":null,\"column\":null,\"message\":\"The image cannot be "
                                + "decoded, so it is left out of the run: The image "
                                + "'images/broken.jpg' has no readable header; it is truncated or corrupt.\"}");
        assertThat(read(summary.runFolder().resolve("selected.txt"))).doesNotContain("broken");
    }

    @Test
    void unknownNames_areAllReportedBeforeAnythingIsListedOrDecoded() throws IOException {
        String config = """
                {"selection": {"n_samples": 4, "strategies": [
                    {"input": {"type": "SCORES", "task": "shapez", "score": "uncertainty_entropy"}, "strategy": \
                {"type": "WEIGHTS"}},
                    {"input": {"type": "SCORES", "task": "shapes", "score": "entropy"}, "strategy": {"type": \
                "WEIGHTS"}},
                    {"input": {"type": "PREDICTIONS", "task": "shape-class", "name": "CLASS_DISTRIBUTION"},
                     "strategy": {"type": "BALANCE", "target": {"cirlce": 1.0}}},
                    {"input": {"type": "METADATA", "key": "lightly.sharpnes"}, "strategy": {"type": "WEIGHTS"}}]},
                 "seed": 7}
                """;
        List<String> phases = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void phase(String name, long total) {
                phases.add(name);
            }

            @Override
            public void advance(long done) {}

            @Override
            public void message(String line) {}
        };
        assertThatThrownBy(() -> run(data, config, "names", recording))
                .isInstanceOf(SelectionException.class)
                .hasMessage(String.join(
                        "\n",
                        "strategies[0] names task 'shapez', but there is no such task; known "
                                + "tasks: regions, shape-class, shapes. Did you mean 'shapes'?",
                        "strategies[1] names score 'entropy' of task 'shapes', but there is no "
                                + "such score; known scores:"
                                + " object_frequency, objectness_least_confidence, uncertainty_entropy,"
                                + " uncertainty_least_confidence, uncertainty_margin.",
                        "strategies[2] names class 'cirlce' in its target, but task "
                                + "'shape-class' has no such category;"
                                + " known categories: circle, square, triangle. Did you mean 'circle'?",
                        "strategies[3] names metadata key 'lightly.sharpnes', but there is no "
                                + "such key; known keys:"
                                + " lightly.contrast, lightly.height, lightly.meanBlue, "
                                + "lightly.meanGreen, lightly.meanRed,"
                                + " lightly.sharpness, lightly.sizeInBytes, lightly.snr, "
                                + "lightly.width. Did you mean 'lightly.sharpness'?"));
        assertThat(phases).isEmpty();
        assertThat(data.resolve(".winnow")).doesNotExist();
    }

    @Test
    void secondRunWithoutNewSamples_saysWhyThereAreNoCandidates_andStillChecksItsNames() throws IOException {
        run(data, DIVERSITY_4, "first");
        RunSummary second = run(data, DIVERSITY_4, "second");
        assertThat(second.counts().candidates()).isZero();
        assertThat(second.stopReason())
                .isEqualTo("no candidates: all 16 samples are known from earlier runs in the datapool;"
                        + " to consider them again, set \"process_all\": true under \"datasource\" in "
                        + "run.json, or pass another"
                        + " --output for a new datapool");
        assertThat(second.toText())
                .contains("  selected:    0 of 0 candidates (no candidates: all 16 samples are known");

        String misspelt = DIVERSITY_4
                .replace(
                        "{\"type\": \"EMBEDDINGS\"}",
                        "{\"type\": \"SCORES\", \"task\": \"dett\"," + " \"score\": \"uncertainty_entropy\"}")
                .replace("DIVERSITY", "WEIGHTS");
        assertThatThrownBy(() -> run(data, misspelt, "third"))
                .isInstanceOf(SelectionException.class)
                .hasMessage("strategies[0] names task 'dett', but there is no such task; known tasks: "
                        + "regions, shape-class, shapes.");
    }

    @Test
    void existingRunId_isRefusedBeforeAnyWork() throws IOException {
        run(data, DIVERSITY_4, "r");
        assertThatThrownBy(() -> run(data, DIVERSITY_4, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A run with the id 'r' already exists at " + data.resolve(".winnow/runs/r")
                        + "; choose another --run-id or delete that folder.");
    }

    @Test
    void weightsOnUncertainty_prefersTheMostUncertainSamples() throws IOException {
        String config = """
                {"selection": {"n_samples": 3, "strategies": [
                    {"input": {"type": "SCORES", "task": "shape-class", "score": "uncertainty_entropy"},
                     "strategy": {"type": "WEIGHTS"}}]}}
                """;
        RunSummary summary = run(data, config, "w");
        List<String> rows =
                read(summary.runFolder().resolve("scores.csv")).lines().skip(1).toList();
        List<String> byEntropy = rows.stream()
                .sorted((a, b) ->
                        Double.compare(Double.parseDouble(b.split(",")[3]), Double.parseDouble(a.split(",")[3])))
                .map(r -> r.split(",")[0])
                .limit(3)
                .collect(Collectors.toList());
        assertThat(summary.selected()).isEqualTo(byEntropy);
    }

    @Test
    void realImages_fromTheSampleMedia() throws IOException {
        Path shared = SampleMedia.folder();
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        RunConfig config = RunConfigParser.parse(DIVERSITY_4, "run.json", out);
        LocalDatasource input = LocalDatasource.at(shared);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(out), input);
        RunSummary summary = new RunPipeline(CLOCK, Progress.NONE, 2)
                .run(new RunRequest(input, output, out, config, Optional.of("real")));

        long images;
        try (Stream<Path> files = Files.walk(shared)) {
            images = files.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).count();
        }
        // Every image, and the 68 frames of street/tree.mp4.
        assertThat(summary.counts().processed()).isEqualTo((int) images + 68);
        assertThat(summary.selected()).hasSize(4);
        assertThat(out.resolve(".winnow/runs/real/report.html")).exists();
        // Four thumbnails of the selected samples, twelve frames in the video's strip, and one selected frame that
        // is not among those twelve, shown in the strip as well.
        assertThat(Arrays.stream(read(out.resolve(".winnow/runs/real/report.html"))
                                .split("data:image/jpeg"))
                        .count())
                .isEqualTo(18);
    }
}
