package dev.winnow.scores.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Progress;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ScoreName;
import dev.winnow.scores.ScoresCsv;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskPredictionsTest {
    private static final String DETECTION_SCHEMA = """
            {"task_type": "object-detection", "categories": [{"id": 0, "name": "person"}, {"id": 1, "name": "car"}]}""";

    @TempDir
    Path root;

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    @Test
    void validFilesAreTabled_invalidAndOrphanFilesReported_missingOnesCounted() throws Exception {
        write("img/a.png", "");
        write("img/b.jpg", "");
        write("img/c.png", "");
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        write(".lightly/predictions/det/img/b.json", """
                {"file_name": "img/b.jpg", "predictions": [{"category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}]}""");
        write(".lightly/predictions/det/img/a.json", """
                {"predictions": [{"category_id": 7, "bbox": [1, 2, 3, 4], "score": 0.5}]}""");
        write(".lightly/predictions/det/img/zzz.json", """
                {"predictions": []}""");
        write(".lightly/predictions/det/img/notes.txt", "not a prediction");

        TaskPredictions.Result result = read("det", 1);

        assertThat(result.table().sampleNames()).containsExactly("img/b.jpg");
        assertThat(result.predictionFiles()).isEqualTo(2);
        assertThat(result.invalidFiles()).isEqualTo(1);
        assertThat(result.samplesWithoutPrediction()).isEqualTo(1);
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly("W005", "E016", "E004");
        assertThat(diagnostics.get(0).toText())
                .isEqualTo("warning W005 .lightly/predictions/det/img/notes.txt: This file"
                        + " in the folder of task det is not a .json prediction file; it is ignored.");
        assertThat(diagnostics.get(1).toText())
                .isEqualTo("error E016 .lightly/predictions/det/img/zzz.json: This prediction"
                        + " file belongs to no image or video of the input: no sample is named img/zzz "
                        + "with an image extension,"
                        + " and it does not name a frame of a video; it is skipped.");
        assertThat(diagnostics.get(2).file()).isEqualTo(".lightly/predictions/det/img/a.json");
    }

    @Test
    void relevantFilenames_restrictTheSamples_andTheirFilesAreNotOrphans() throws Exception {
        write("keep/a.png", "");
        write("keep/b.png", "");
        write("drop/c.png", "");
        write("drop/d.png", "");
        write(".lightly/relevant_filenames.txt", "keep/\n");
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        String box = "{\"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 4, 4], \"score\": 0.25}]}";
        write(".lightly/predictions/det/keep/a.json", box);
        write(".lightly/predictions/det/drop/c.json", box);

        TaskPredictions.Result result = read("det", 1);

        assertThat(result.table().sampleNames()).containsExactly("keep/a.png");
        assertThat(result.samplesWithoutPrediction()).isEqualTo(1);
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void parallelReading_givesTheSameTableAsOneThread() throws Exception {
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        for (int i = 0; i < 1300; i++) {
            String name = String.format("s%02d/img_%04d", i % 7, i);
            write(name + ".png", "");
            if (i % 97 == 13) {
                write(".lightly/predictions/det/" + name + ".json", "{\"predictions\": [{\"category_id\": 0}]}");
            } else {
                write(
                        ".lightly/predictions/det/" + name + ".json",
                        "{\"predictions\": [{\"category_id\": " + (i % 2) + ", \"bbox\": [0, 0, 5, 5], \"score\": "
                                + ((i * 37) % 100) / 100.0 + "}]}");
            }
        }

        String oneThread =
                ScoresCsv.toCsv(ActiveLearningScorer.scoreTable(read("det", 1).table()));
        List<Diagnostic> first = List.copyOf(diagnostics);
        diagnostics.clear();
        TaskPredictions.Result parallel = read("det", 4);
        String fourThreads = ScoresCsv.toCsv(ActiveLearningScorer.scoreTable(parallel.table()));

        assertThat(fourThreads).isEqualTo(oneThread);
        assertThat(diagnostics).isEqualTo(first);
        assertThat(parallel.invalidFiles()).isEqualTo(14);
        assertThat(parallel.table().sampleCount()).isEqualTo(1300 - 14);
        assertThat(parallel.table().sampleNames()).isSorted();
    }

    @Test
    void progress_countsFilesReadInOnePhase() throws Exception {
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        for (int i = 0; i < 1100; i++) {
            write(String.format("img_%04d.png", i), "");
            write(String.format(".lightly/predictions/det/img_%04d.json", i), "{\"predictions\": []}");
        }
        List<String> events = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void phase(String name, long total) {
                events.add(name + " " + total);
            }

            @Override
            public void advance(long done) {
                events.add(Long.toString(done));
            }

            @Override
            public void message(String line) {
                events.add(line);
            }

            @Override
            public void endPhase() {
                events.add("end");
            }
        };
        LocalDatasource location = LocalDatasource.at(root);

        new TaskPredictions(location, location, ValidationOptions.defaults(), 1)
                .read("det", diagnostics::add, progress);

        assertThat(events).containsExactly("Reading the predictions of task det 1100", "512", "1024", "1100", "end");
    }

    @Test
    void unknownTask_namesTheListedOnes() throws Exception {
        tasks("det", "cls");

        assertThatThrownBy(() -> read("seg", 1))
                .isInstanceOf(UnknownTaskException.class)
                .hasMessage(
                        "Task seg is not listed in .lightly/predictions/tasks.json; the listed tasks are det, cls.");
    }

    @Test
    void missingTaskList_isAnUnknownTask() {
        assertThatThrownBy(() -> read("det", 1))
                .isInstanceOf(UnknownTaskException.class)
                .hasMessage(
                        "Task det cannot be scored: " + root.toAbsolutePath().normalize()
                                + " has no .lightly/predictions/tasks.json listing the tasks.");
    }

    @Test
    void missingSchema_failsTheTask() throws Exception {
        tasks("det");

        assertThatThrownBy(() -> read("det", 1))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Task det cannot be scored: it has no schema.json.");
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly("E026");
    }

    @Test
    void invalidSchema_failsTheTaskWithItsDiagnostics() throws Exception {
        tasks("det");
        write(".lightly/predictions/det/schema.json", "{\"task_type\": \"boxes\", \"categories\": []}");

        assertThatThrownBy(() -> read("det", 1))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Task det cannot be scored: its schema.json is invalid.");
        assertThat(diagnostics).extracting(Diagnostic::code).contains("E027");
    }

    @Test
    void everyFileInvalid_failsTheTask() throws Exception {
        write("a.png", "");
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        write(".lightly/predictions/det/a.json", "{\"predictions\": [");

        assertThatThrownBy(() -> read("det", 1))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Every prediction file of task det is invalid (1 file), so no sample can be scored.");
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly("E001", "E030");
    }

    @Test
    void videoFrames_matchTheirFramesOfARealVideo() throws Exception {
        Path video = SampleMedia.file("street/tree.mp4");
        Files.createDirectories(root.resolve("clips"));
        Files.copy(video, root.resolve("clips/tree.mp4"));
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        String box = "{\"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 4, 4], \"score\": 0.25}]}";
        write(".lightly/predictions/det/clips/tree-67-mp4.json", box);
        write(".lightly/predictions/det/clips/tree-05-mp4.json", box);
        write(".lightly/predictions/det/clips/tree-00-mp4.json", box);
        write(".lightly/predictions/det/clips/tree-5-mp4.json", box);
        write(".lightly/predictions/det/clips/tree-70-mp4.json", box);

        TaskPredictions.Result result = read("det", 2);

        assertThat(result.table().sampleNames())
                .containsExactly("clips/tree-00-mp4.png", "clips/tree-05-mp4.png", "clips/tree-67-mp4.png");
        assertThat(result.samplesWithoutPrediction()).isEqualTo(68 - 3);
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly(
                        "error E018 .lightly/predictions/det/clips/tree-5-mp4.json: The frame index 5 "
                                + "must have 2 digits for a video of 68 frames; expected "
                                + ".lightly/predictions/det/clips/tree-05-mp4.json; the file is skipped.",
                        "error E017 .lightly/predictions/det/clips/tree-70-mp4.json: Frame 70 does not "
                                + "exist in clips/tree.mp4, which has 68 frames (0 to 67); the file is skipped.");
        assertThat(ActiveLearningScorer.scoreTable(result.table()).column(ScoreName.OBJECTNESS_LEAST_CONFIDENCE))
                .containsExactly(0.75, 0.75, 0.75);
    }

    @Test
    void aSampleLinkingOutOfTheInput_isReportedAndNeverRead(@TempDir Path outside) throws Exception {
        write("img/a.png", "");
        Path secret = Files.writeString(outside.resolve("secret.png"), "not an image");
        Files.createSymbolicLink(root.resolve("img/link.png"), secret);
        tasks("det");
        write(".lightly/predictions/det/schema.json", DETECTION_SCHEMA);
        String box = "{\"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 4, 4], \"score\": 0.25}]}";
        write(".lightly/predictions/det/img/a.json", box);
        write(".lightly/predictions/det/img/link.json", box);

        TaskPredictions.Result result = read("det", 1);

        assertThat(result.table().sampleNames()).containsExactly("img/a.png");
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly(
                        "error E031 img/link.png: The sample is a link to " + secret + ", outside the input " + root
                                + "; it is not read and is left out.",
                        "error E016 .lightly/predictions/det/img/link.json: This prediction file "
                                + "belongs to no image or video"
                                + " of the input: no sample is named img/link with an image extension, "
                                + "and it does not name a"
                                + " frame of a video; it is skipped.");
    }

    private TaskPredictions.Result read(String task, int threads) throws Exception {
        LocalDatasource location = LocalDatasource.at(root);
        return new TaskPredictions(location, location, ValidationOptions.defaults(), threads)
                .read(task, diagnostics::add);
    }

    private void tasks(String... names) throws IOException {
        write(".lightly/predictions/tasks.json", "[\"" + String.join("\", \"", names) + "\"]");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
