package dev.winnow.format;

import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.io.TaskListReader;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .lightly/predictions} layout, in one place: where {@code tasks.json}, a task's folder,
 * its {@code schema.json} and a sample's prediction file are, how a sample's stem and extension are
 * read (frames are named by {@link FrameName}), and how {@code tasks.json} and a schema are loaded
 * with their diagnostics. Image {@code a/b/img.png} of task {@code t} has the file
 * {@code .lightly/predictions/t/a/b/img.json}.
 */
public final class PredictionsLayout {
    /** The predictions folder, relative to the output location's root. */
    public static final String ROOT = ".lightly/predictions";
    /** The list of tasks, relative to the output location's root. */
    public static final String TASKS_FILE = ROOT + "/tasks.json";
    /** The name of a task's schema file inside its folder. */
    public static final String SCHEMA = "schema.json";
    /** The extension of prediction files. */
    public static final String PREDICTION_EXTENSION = ".json";

    private PredictionsLayout() {}

    /** {@code .lightly/predictions/<task>}. */
    public static String taskFolder(String task) {
        return ROOT + "/" + task;
    }

    /** {@code .lightly/predictions/<task>/schema.json}. */
    public static String schemaFile(String task) {
        return taskFolder(task) + "/" + SCHEMA;
    }

    /**
     * {@code a/b/img.png} → {@code a/b/img}: the path without its extension (a dot in a folder name, or a leading
     * dot, does not count).
     */
    public static String stem(String path) {
        int dot = extensionDot(path);
        return dot < 0 ? path : path.substring(0, dot);
    }

    /**
     * {@code a/b/img.png} → {@code png}; empty when the name has none ({@code README}, {@code .hidden}, {@code a.}).
     */
    public static String extension(String path) {
        int dot = extensionDot(path);
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    /** Where the extension's dot is, or -1: a dot after the name's first character. */
    private static int extensionDot(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') + 1 ? dot : -1;
    }

    /** The prediction file of {@code sample} relative to its task folder: {@code a/b/img.json}. */
    public static String fileInTask(String sample) {
        return stem(sample) + PREDICTION_EXTENSION;
    }

    /** The prediction file of {@code sample} in {@code task}, relative to the output root. */
    public static String file(String task, String sample) {
        return taskFolder(task) + "/" + fileInTask(sample);
    }

    /**
     * The name of a file in a task's folder ({@code a/img.json}) without {@code .json}; empty when it is
     * not a prediction file.
     */
    public static Optional<String> predictionBase(String fileInTask) {
        return fileInTask.endsWith(PREDICTION_EXTENSION)
                ? Optional.of(fileInTask.substring(0, fileInTask.length() - PREDICTION_EXTENSION.length()))
                : Optional.empty();
    }

    /** Reads the files of a predictions folder for the loaders below. */
    public interface Files {
        /** Whether {@code path} exists (a path that exists but may not be read counts, for {@link #read} to report). */
        boolean exists(String path) throws IOException;

        /** The bytes of {@code path}, or empty after adding to {@code problems} why they cannot be read. */
        Optional<byte[]> read(String path, List<Diagnostic> problems);
    }

    /**
     * Reads {@code tasks.json}: empty when there is none (whether that is a problem is the caller's
     * to say); otherwise the list, present when it has no error, with its diagnostics.
     */
    public static Optional<FileResult<TaskList>> readTaskList(Files files, ValidationOptions options)
            throws IOException {
        if (!files.exists(TASKS_FILE)) {
            return Optional.empty();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<byte[]> bytes = files.read(TASKS_FILE, diagnostics);
        if (bytes.isEmpty()) {
            return Optional.of(new FileResult<>(Optional.empty(), diagnostics));
        }
        FileResult<TaskList> read = TaskListReader.read(TASKS_FILE, bytes.get(), options);
        diagnostics.addAll(read.diagnostics());
        return Optional.of(new FileResult<>(read.value(), diagnostics));
    }

    /**
     * Reads the schema of listed task {@code task}: present when valid; otherwise the diagnostics say
     * why, ending with {@code E026} (no schema.json) or {@code E029} (no valid schema).
     */
    public static FileResult<TaskSchema> readSchema(Files files, String task, ValidationOptions options)
            throws IOException {
        String file = schemaFile(task);
        if (!files.exists(file)) {
            return new FileResult<>(
                    Optional.empty(),
                    List.of(DiagnosticCode.SCHEMA_MISSING.of(
                            file,
                            "The task \"" + task
                                    + "\" is listed in tasks.json but has no schema.json; expected " + file
                                    + ", so its predictions are left out.")));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<byte[]> bytes = files.read(file, diagnostics);
        Optional<TaskSchema> schema = Optional.empty();
        if (bytes.isPresent()) {
            FileResult<TaskSchema> read = SchemaReader.read(file, bytes.get(), options);
            diagnostics.addAll(read.diagnostics());
            schema = read.value();
        }
        if (schema.isEmpty()) {
            diagnostics.add(DiagnosticCode.TASK_SCHEMA_INVALID.of(
                    file, "The task \"" + task + "\" has no valid schema, so its predictions are left out."));
        }
        return new FileResult<>(schema, diagnostics);
    }
}
