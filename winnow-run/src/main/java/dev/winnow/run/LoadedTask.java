package dev.winnow.run;

import dev.winnow.format.TaskSchema;
import dev.winnow.scores.table.PredictionsTable;
import java.util.Objects;

/**
 * One task's predictions for a run's candidates: every candidate is a row of {@code table}, with no
 * singletons when it has no valid prediction file.
 *
 * @param files   prediction files found for the candidates
 * @param invalid of those, the ones skipped as invalid
 */
public record LoadedTask(String name, TaskSchema schema, PredictionsTable table, int files, int invalid) {
    public LoadedTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }
}
