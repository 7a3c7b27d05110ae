package dev.winnow.format.validate;

import dev.winnow.format.Diagnostic;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Gathers diagnostics from many threads and keeps the first {@code limit} of them in report order
 * (file, line, column, then the order found within the file, as one thread reads each file). It keeps the smallest ones
 * in a bounded max-heap, so the kept set and its order do not depend on which thread finished first, and
 * memory stays bounded however many problems the input has. Used by every command that reports
 * diagnostics. Thread-safe.
 */
public final class DiagnosticCollector {
    /** How many diagnostics are kept unless a command is told otherwise; further ones are only counted. */
    public static final int DEFAULT_LIMIT = 1000;

    /** A diagnostic with the order it arrived in, which orders those of one file and position. */
    private record Entry(Diagnostic diagnostic, long sequence) {}

    // A file's diagnostics come from the one thread that reads it, in the order found, so arrival
    // orders them deterministically; files and positions come first, whatever thread finished first.
    private static final Comparator<Entry> ORDER = Comparator.comparing(
                    (Entry e) -> e.diagnostic().file())
            // Within a file, diagnostics without a position (conclusions such as E029) follow those they conclude from.
            .thenComparingInt(e -> e.diagnostic().line() > 0 ? e.diagnostic().line() : Integer.MAX_VALUE)
            .thenComparingInt(e -> e.diagnostic().column())
            .thenComparingLong(Entry::sequence);

    private final int limit;
    private final PriorityQueue<Entry> kept;
    private long errors;
    private long warnings;
    private long seen;

    public DiagnosticCollector() {
        this(DEFAULT_LIMIT);
    }

    public DiagnosticCollector(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("At least one diagnostic must be kept, but the limit is " + limit + ".");
        }
        this.limit = limit;
        this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, ORDER.reversed());
    }

    /** Adds the diagnostics of one file (or one sample), in the order they were found. */
    public synchronized void addAll(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
            Entry e = new Entry(d, seen++);
            if (kept.size() < limit) {
                kept.add(e);
            } else if (ORDER.compare(e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
    }

    /**
     * Takes over what another collector gathered elsewhere (a partition checked on another machine):
     * its kept diagnostics in report order, then the ones it only counted. Merging the collectors of
     * consecutive parts in order keeps what one collector over all of them would have kept.
     */
    public synchronized void merge(Gathered other) {
        addAll(other.kept());
        long keptErrors = other.kept().stream().filter(Diagnostic::isError).count();
        long keptWarnings = other.kept().size() - keptErrors;
        errors += other.errors() - keptErrors;
        warnings += other.warnings() - keptWarnings;
        seen += other.errors() + other.warnings() - other.kept().size();
    }

    /** What this collector holds, to be merged into another with {@link #merge}. */
    public synchronized Gathered gathered() {
        return new Gathered(sorted(), errors, warnings);
    }

    /** A collector's kept diagnostics in report order and its counts, kept or not. */
    public record Gathered(List<Diagnostic> kept, long errors, long warnings) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Gathered {
            kept = List.copyOf(kept);
        }
    }

    public synchronized void add(Diagnostic diagnostic) {
        addAll(List.of(diagnostic));
    }

    public synchronized long errors() {
        return errors;
    }

    public synchronized long warnings() {
        return warnings;
    }

    /** How many diagnostics were added, kept or not. */
    public synchronized long count() {
        return seen;
    }

    public synchronized long suppressed() {
        return seen - kept.size();
    }

    /** The kept diagnostics in report order. */
    public synchronized List<Diagnostic> sorted() {
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(ORDER);
        return entries.stream().map(Entry::diagnostic).toList();
    }
}
