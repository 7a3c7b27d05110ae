package dev.winnow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of the independent parts of a configuration, so that one reading reports
 * them all: each part is read with {@link #attempt}, and {@link #throwIfAny} ends the reading.
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems();
 * ConfigProblems.Part<Budget> budget = problems.attempt(() -> budget(node));
 * ConfigProblems.Part<List<Strategy>> strategies = problems.attempt(() -> strategies(node));
 * problems.throwIfAny();
 * return new Selection(budget.value(), strategies.value());
 * }</pre>
 *
 * <p>Not thread-safe; one per reading.
 */
public final class ConfigProblems {
    private final List<ConfigException> problems = new ArrayList<>();

    /** The part read, or its failure kept: its value is there once {@link #throwIfAny} has passed. */
    public <T> Part<T> attempt(Supplier<T> part) {
        try {
            return new Part<>(part.get());
        } catch (ConfigException e) {
            problems.add(e);
            return new Part<>(null);
        }
    }

    /** Like {@link #attempt(Supplier)} for a part that only checks. */
    public void check(Runnable part) {
        try {
            part.run();
        } catch (ConfigException e) {
            problems.add(e);
        }
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

    /** One part of a configuration: its value, or nothing when reading it failed. */
    public static final class Part<T> {
        private final @Nullable T value;

        private Part(@Nullable T value) {
            this.value = value;
        }

        /** The value read; asking for a failed part's value is a mistake of the reader's code. */
        public T value() {
            if (value == null) {
                throw new IllegalStateException("A configuration part that failed was used before throwIfAny().");
            }
            return value;
        }
    }
}
