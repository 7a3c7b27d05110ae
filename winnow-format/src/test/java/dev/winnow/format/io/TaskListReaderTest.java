package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskList;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskListReaderTest {
    private static final String FILE = ".lightly/predictions/tasks.json";

    /** The reference's tasks.json, verbatim: its trailing comma is accepted with a warning. */
    private static final String REFERENCE = """
            [
                "classification_weather",
                "classification_scenery",
                "object_detection_people",
                "semantic_segmentation_cars",
            ]
            """;

    static FileResult<TaskList> read(String json, ValidationOptions options) {
        return TaskListReader.read(FILE, json.getBytes(StandardCharsets.UTF_8), options);
    }

    static List<String> texts(FileResult<?> result) {
        return result.diagnostics().stream().map(Diagnostic::toText).toList();
    }

    @Test
    void referenceExample_acceptedWithTrailingCommaWarning() {
        FileResult<TaskList> r = read(REFERENCE, ValidationOptions.defaults());
        assertThat(r.value())
                .contains(new TaskList(List.of(
                        "classification_weather",
                        "classification_scenery",
                        "object_detection_people",
                        "semantic_segmentation_cars")));
        assertThat(texts(r))
                .containsExactly("warning W002 .lightly/predictions/tasks.json:5:33: A comma before ']' is not "
                        + "JSON; it was ignored.");
    }

    @Test
    void referenceExample_strict_trailingCommaIsAnError() {
        FileResult<TaskList> r = read(REFERENCE, ValidationOptions.strictDefaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E033 .lightly/predictions/tasks.json:5:33: A comma before ']' is not "
                        + "JSON; strict mode expects plain JSON.");
    }

    @Test
    void notAList() {
        FileResult<TaskList> r = read("{\"tasks\": [\"a\"]}", ValidationOptions.defaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E002 .lightly/predictions/tasks.json:1:1: tasks.json must be a list of "
                        + "task names, but it is an object.");
    }

    @Test
    void entryNotAString() {
        FileResult<TaskList> r = read("[\"a\", 3]", ValidationOptions.defaults());
        assertThat(texts(r))
                .containsExactly("error E002 .lightly/predictions/tasks.json:1:7 /1: Task 1 must be a task name "
                        + "(a string), but it is a number.");
    }

    @Test
    void invalidAndDuplicateNames() {
        FileResult<TaskList> r = read("[\"ok\", \"bad name\", \"../up\", \"ok\", \"\"]", ValidationOptions.defaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly(
                        "error E025 .lightly/predictions/tasks.json:1:8 /1: The task name \"bad name\" "
                                + "is not a valid folder name; expected letters, digits and _+=,.@:/- only, "
                                + "without '..'.",
                        "error E019 .lightly/predictions/tasks.json:1:20 /2: The task name \"../up\" "
                                + "leads out of .lightly/predictions/; expected a folder name inside it.",
                        "error E025 .lightly/predictions/tasks.json:1:29 /3: The task \"ok\" is listed "
                                + "twice; expected each task once.",
                        "error E025 .lightly/predictions/tasks.json:1:35 /4: The task name \"\" is not "
                                + "a valid folder name; expected letters, digits and _+=,.@:/- only, without "
                                + "'..'.");
    }

    @Test
    void namesLeavingThePredictionsFolder() {
        FileResult<TaskList> r = read("[\"/etc\", \"a/../../b\"]", ValidationOptions.defaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly(
                        "error E019 .lightly/predictions/tasks.json:1:2 /0: The task name \"/etc\" "
                                + "leads out of .lightly/predictions/; expected a folder name inside it.",
                        "error E019 .lightly/predictions/tasks.json:1:10 /1: The task name "
                                + "\"a/../../b\" leads out of .lightly/predictions/; expected a folder name "
                                + "inside it.");
    }

    @Test
    void emptyFile() {
        FileResult<TaskList> r = read("  \n", ValidationOptions.defaults());
        assertThat(texts(r))
                .containsExactly("error E001 .lightly/predictions/tasks.json:1:1: The file is empty; expected a "
                        + "list of task names.");
    }

    @Test
    void malformedJson_reportsLineAndColumn() {
        FileResult<TaskList> r = read("[\n  \"a\"\n  \"b\"\n]", ValidationOptions.defaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E001 .lightly/predictions/tasks.json:3:3: The file is not well-formed JSON: "
                        + "found '\"' where ',' or ']' was expected.");
    }

    @Test
    void contentAfterTheList() {
        FileResult<TaskList> r = read("[\"a\"] [\"b\"]", ValidationOptions.defaults());
        assertThat(texts(r))
                .containsExactly("error E001 .lightly/predictions/tasks.json:1:7: More JSON follows the end of "
                        + "the top-level value; expected the file to end there.");
    }
}
