package dev.winnow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems of the independent parts of a configuration, so that one reading reports
 * them all: each part is read with {@link #attempt}, and {@link #throwIfAny} ends the reading.
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems();
 * Budget budget = problems.attempt(() -> budget(node));
 * List<Strategy> strategies = problems.attempt(() -> strategies(node));
 * problems.throwIfAny();
 * }</pre>
 *
 * <p>Not thread-safe; one per reading.
 */
public final class ConfigProblems {
    private final List<ConfigException> problems = new ArrayList<>();

    /** The part's value, or null when reading it failed (the failure is kept). */
    public <T> T attempt(Supplier<T> part) {
        try {
            return part.get();
        } catch (ConfigException e) {
            problems.add(e);
            return null;
        }
    }

    /** Like {@link #attempt(Supplier)} for a part that only checks. */
    public void check(Runnable part) {
        attempt(() -> {
            part.run();
            return null;
        });
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one {@link ConfigException} holding every problem kept, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ConfigException.of(problems);
        }
    }
}
