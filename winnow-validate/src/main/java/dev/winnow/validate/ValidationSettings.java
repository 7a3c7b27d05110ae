package dev.winnow.validate;

import dev.winnow.format.validate.ValidationOptions;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one validation covers and how: the reading options, the tasks to check (empty = every task
 * of {@code tasks.json}), how many diagnostics to keep (the rest are only counted) and how many
 * threads read files.
 */
public record ValidationSettings(ValidationOptions options, List<String> tasks, int maxDiagnostics, int threads)
        implements Serializable {

    public static final int DEFAULT_MAX_DIAGNOSTICS = 1000;

    public ValidationSettings {
        Objects.requireNonNull(options, "options");
        tasks = List.copyOf(tasks);
        if (maxDiagnostics < 1) {
            throw new IllegalArgumentException(
                    "The number of diagnostics to report must be 1 or more, but was " + maxDiagnostics + ".");
        }
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "Validation needs at least one thread, but " + threads + " were asked for.");
        }
    }

    /** Lenient reading of every task, up to 1000 diagnostics, one thread per core. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(
                ValidationOptions.defaults(),
                List.of(),
                DEFAULT_MAX_DIAGNOSTICS,
                Runtime.getRuntime().availableProcessors());
    }

    public ValidationSettings withOptions(ValidationOptions options) {
        return new ValidationSettings(options, tasks, maxDiagnostics, threads);
    }

    public ValidationSettings withTasks(List<String> tasks) {
        return new ValidationSettings(options, tasks, maxDiagnostics, threads);
    }

    public ValidationSettings withMaxDiagnostics(int maxDiagnostics) {
        return new ValidationSettings(options, tasks, maxDiagnostics, threads);
    }

    public ValidationSettings withThreads(int threads) {
        return new ValidationSettings(options, tasks, maxDiagnostics, threads);
    }
}
