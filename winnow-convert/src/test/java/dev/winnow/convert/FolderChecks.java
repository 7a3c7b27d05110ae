package dev.winnow.convert;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.io.TaskListReader;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a converted task back through the format's strict readers (the ones validation uses) and
 * returns every error they report; sizes are given per sample name so masks and boxes are checked
 * against the image.
 */
public final class FolderChecks {
    private FolderChecks() {}

    public static List<Diagnostic> errors(Path output, String task, Map<String, int[]> sizes) throws IOException {
        LocalDatasource ds = LocalDatasource.at(output);
        ValidationOptions strict = ValidationOptions.strictDefaults();
        List<Diagnostic> errors = new ArrayList<>();
        String root = PredictionsLayout.ROOT;
        FileResult<TaskList> tasks =
                TaskListReader.read(root + "/tasks.json", ds.readAllBytes(root + "/tasks.json", 1 << 20), strict);
        errors.addAll(tasks.diagnostics());
        if (tasks.value().isEmpty() || !tasks.value().get().names().contains(task)) {
            throw new AssertionError("tasks.json does not list " + task + ": " + tasks);
        }
        String schemaPath = root + "/" + task + "/schema.json";
        FileResult<TaskSchema> schema = SchemaReader.read(schemaPath, ds.readAllBytes(schemaPath, 1 << 20), strict);
        errors.addAll(schema.diagnostics());
        for (String path : ds.list(root + "/" + task)) {
            if (path.equals(schemaPath)) {
                continue;
            }
            String stem = path.substring(root.length() + task.length() + 2, path.length() - 5);
            SampleFacts facts = SampleFacts.unknown();
            for (var e : sizes.entrySet()) {
                if (PredictionsLayout.stem(e.getKey()).equals(stem)) {
                    facts = SampleFacts.of(e.getKey(), e.getValue()[0], e.getValue()[1]);
                }
            }
            FileResult<?> r = PredictionFileReader.read(
                    path, ds.readAllBytes(path, 1 << 26), schema.value().orElseThrow(), facts, strict);
            errors.addAll(r.diagnostics());
        }
        errors.removeIf(d -> !d.isError());
        return errors;
    }
}
