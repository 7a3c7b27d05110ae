package dev.winnow.validate;

import dev.winnow.format.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Gathers diagnostics from many threads and keeps the first {@code limit} of them in report order
 * (file, line, column, then the order found within the file). It keeps the smallest ones in a
 * bounded max-heap, so the kept set and its order do not depend on which thread finished first, and
 * memory stays bounded however many problems the input has. Thread-safe.
 */
final class DiagnosticCollector {
    /** A diagnostic with its rank among those of the same file, for a stable order. */
    private record Entry(Diagnostic diagnostic, int rank) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.diagnostic().file())
            // Within a file, diagnostics without a position (conclusions such as E029) follow those they conclude from.
            .thenComparingInt(e -> e.diagnostic().line() > 0 ? e.diagnostic().line() : Integer.MAX_VALUE)
            .thenComparingInt(e -> e.diagnostic().column())
            .thenComparingInt(Entry::rank)
            // Diagnostics of one sample may come from different tasks; these make their order total.
            .thenComparing(e -> e.diagnostic().code())
            .thenComparing(e -> e.diagnostic().pointer())
            .thenComparing(e -> e.diagnostic().message());

    private final int limit;
    private final PriorityQueue<Entry> kept;
    private long errors;
    private long warnings;
    private long seen;

    DiagnosticCollector(int limit) {
        this.limit = limit;
        this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, ORDER.reversed());
    }

    /** Adds the diagnostics of one file (or one sample), in the order they were found. */
    synchronized void addAll(List<Diagnostic> diagnostics) {
        int rank = 0;
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
            seen++;
            Entry e = new Entry(d, rank++);
            if (kept.size() < limit) {
                kept.add(e);
            } else if (ORDER.compare(e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
    }

    synchronized void add(Diagnostic diagnostic) {
        addAll(List.of(diagnostic));
    }

    synchronized long errors() {
        return errors;
    }

    synchronized long warnings() {
        return warnings;
    }

    synchronized long suppressed() {
        return seen - kept.size();
    }

    /** The kept diagnostics in report order. */
    synchronized List<Diagnostic> sorted() {
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(ORDER);
        return entries.stream().map(Entry::diagnostic).toList();
    }
}
