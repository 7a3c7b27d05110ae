package dev.winnow.convert;

import dev.winnow.format.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one conversion, keeping the first {@link #MAX_KEPT} and counting the
 * rest, so a file where every annotation is wrong costs bounded memory. Thread-safe.
 */
public final class DiagnosticCollector {
    /** How many diagnostics are kept; further ones are only counted. */
    public static final int MAX_KEPT = 1000;

    private final List<Diagnostic> kept = new ArrayList<>();
    private long count;

    public synchronized void add(Diagnostic diagnostic) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(diagnostic);
        }
    }

    public synchronized long count() {
        return count;
    }

    public synchronized List<Diagnostic> kept() {
        return List.copyOf(kept);
    }

    /** The report of a conversion that wrote {@code files} files holding {@code singletons} singletons. */
    public synchronized ConversionReport report(int files, long singletons) {
        return new ConversionReport(files, singletons, count, kept);
    }
}
