package dev.winnow.format.io;

import static dev.winnow.format.io.JsonReading.add;
import static dev.winnow.format.io.JsonReading.describe;
import static dev.winnow.format.io.JsonReading.mark;

import dev.winnow.format.TaskList;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads {@code .lightly/predictions/tasks.json}: a list of task names, each a valid folder name.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * FileResult<TaskList> r = TaskListReader.read(".lightly/predictions/tasks.json", bytes, ValidationOptions.defaults());
 * r.value().ifPresent(tasks -> ...); r.diagnostics().forEach(...);
 * }</pre>
 */
public final class TaskListReader {
    private TaskListReader() {}

    public static FileResult<TaskList> read(String file, byte[] bytes, ValidationOptions options) {
        return JsonReading.read(file, bytes, options, "a list of task names", TaskListReader::readBody);
    }

    private static @Nullable TaskList readBody(JsonParser p, FileDiagnostics d) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    "",
                    mark(p),
                    "tasks.json must be a list of task names, but it is " + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = "/" + index;
            if (t != JsonToken.VALUE_STRING) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer,
                        mark(p),
                        "Task " + index + " must be a task name (a string), but it is " + describe(t) + ".");
                p.skipChildren();
            } else {
                String name = p.getString();
                if (name.startsWith("/") || ("/" + name + "/").contains("/../")) {
                    add(
                            d,
                            DiagnosticCode.PATH_OUTSIDE_ROOT,
                            pointer,
                            mark(p),
                            "The task name \"" + name
                                    + "\" leads out of .lightly/predictions/; expected a folder name inside it.");
                } else if (!TaskList.isValidName(name)) {
                    add(
                            d,
                            DiagnosticCode.TASK_NAME_INVALID,
                            pointer,
                            mark(p),
                            "The task name \"" + name + "\" is not a valid folder name; expected letters, digits and "
                                    + "_+=,.@:/- only, without '..'.");
                } else if (!seen.add(name)) {
                    add(
                            d,
                            DiagnosticCode.TASK_NAME_INVALID,
                            pointer,
                            mark(p),
                            "The task \"" + name + "\" is listed twice; expected each task once.");
                } else {
                    names.add(name);
                }
            }
            index++;
        }
        return new TaskList(names);
    }
}
