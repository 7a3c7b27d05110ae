package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionsLayoutTest {

    /** Files held in memory; a file mapped to null exists but cannot be read. */
    private record MemoryFiles(Map<String, String> files) implements PredictionsLayout.Files {
        @Override
        public boolean exists(String path) {
            return files.containsKey(path);
        }

        @Override
        public Optional<byte[]> read(String path, List<Diagnostic> problems) {
            String text = files.get(path);
            if (text == null) {
                problems.add(Diagnostic.error("E031", path, "", "The file cannot be read."));
                return Optional.empty();
            }
            return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void file_keepsSubfoldersAndDropsTheExtension() {
        assertThat(PredictionsLayout.file("my_classification_task", "my_subdir/my_image.png"))
                .isEqualTo(".lightly/predictions/my_classification_task/my_subdir/my_image.json");
        assertThat(PredictionsLayout.schemaFile("a/b")).isEqualTo(".lightly/predictions/a/b/schema.json");
        assertThat(PredictionsLayout.TASKS_FILE).isEqualTo(".lightly/predictions/tasks.json");
    }

    @Test
    void stem_ignoresDotsInFolders_andKeepsInnerDots() {
        assertThat(PredictionsLayout.stem("a/b.c/img.tar.png")).isEqualTo("a/b.c/img.tar");
        assertThat(PredictionsLayout.stem("a/b.c/README")).isEqualTo("a/b.c/README");
        assertThat(PredictionsLayout.stem("a/.hidden")).isEqualTo("a/.hidden");
    }

    @Test
    void extension_agreesWithStem_aLeadingDotIsNoExtension() {
        assertThat(PredictionsLayout.extension("a/b.c/img.tar.png")).isEqualTo("png");
        assertThat(PredictionsLayout.extension(".hidden")).isEmpty();
        assertThat(PredictionsLayout.extension("a/.hidden")).isEmpty();
        assertThat(PredictionsLayout.extension("a/b.c/README")).isEmpty();
        assertThat(PredictionsLayout.extension("v.")).isEmpty();
        assertThat(PredictionsLayout.predictionBase("a/img.json")).contains("a/img");
        assertThat(PredictionsLayout.predictionBase("a/img.txt")).isEmpty();
    }

    @Test
    void readTaskList_emptyWithoutTasksJson_diagnosticsOtherwise() throws Exception {
        ValidationOptions options = ValidationOptions.defaults();
        assertThat(PredictionsLayout.readTaskList(new MemoryFiles(Map.of()), options))
                .isEmpty();

        FileResult<TaskList> listed = PredictionsLayout.readTaskList(
                        new MemoryFiles(Map.of(".lightly/predictions/tasks.json", "[\"det\"]")), options)
                .orElseThrow();
        assertThat(listed.value().orElseThrow().names()).containsExactly("det");

        Map<String, String> unreadable = new HashMap<>();
        unreadable.put(".lightly/predictions/tasks.json", null);
        FileResult<TaskList> failed = PredictionsLayout.readTaskList(new MemoryFiles(unreadable), options)
                .orElseThrow();
        assertThat(failed.value()).isEmpty();
        assertThat(failed.diagnostics())
                .extracting(Diagnostic::toText)
                .containsExactly("error E031 .lightly/predictions/tasks.json: The file cannot be read.");
    }

    @Test
    void readSchema_saysOnceWhyATaskIsLeftOut() throws Exception {
        ValidationOptions options = ValidationOptions.defaults();
        FileResult<TaskSchema> missing = PredictionsLayout.readSchema(new MemoryFiles(Map.of()), "det", options);
        assertThat(missing.value()).isEmpty();
        assertThat(missing.diagnostics())
                .extracting(Diagnostic::toText)
                .containsExactly("error E026 .lightly/predictions/det/schema.json: The task \"det\" is listed "
                        + "in tasks.json but has no"
                        + " schema.json; expected .lightly/predictions/det/schema.json, so its "
                        + "predictions are left out.");

        FileResult<TaskSchema> invalid = PredictionsLayout.readSchema(
                new MemoryFiles(Map.of(
                        ".lightly/predictions/det/schema.json",
                        "{\"task_type\": \"boxes\", \"categories\": [{\"id\": 0, \"name\": \"car\"}]}")),
                "det",
                options);
        assertThat(invalid.value()).isEmpty();
        assertThat(invalid.diagnostics()).extracting(Diagnostic::code).containsExactly("E027", "E029");
        assertThat(invalid.diagnostics().get(1).toText())
                .isEqualTo("error E029 .lightly/predictions/det/schema.json:"
                        + " The task \"det\" has no valid schema, so its predictions are left out.");

        FileResult<TaskSchema> valid = PredictionsLayout.readSchema(
                new MemoryFiles(Map.of(
                        ".lightly/predictions/det/schema.json",
                        "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"car\"}]}")),
                "det",
                options);
        assertThat(valid.value().orElseThrow().taskType()).isEqualTo(TaskType.OBJECT_DETECTION);
        assertThat(valid.diagnostics()).isEmpty();
    }
}
