package dev.winnow.bench.scores;

import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.table.PredictionFacts;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.scores.table.PredictionsTableBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a predictions table with {@code N} generated detection samples (5 boxes, 10-class
 * probabilities each) the way {@code winnow scores} does — batches of consecutive samples built on
 * several threads and joined in order — then scores it and computes the per-sample facts. Prints
 * the throughput of each phase, the heap the finished table holds, and the peak heap of the run.
 * Run it with {@code -Xmx1g} to check that a million samples fit:
 *
 * <pre>{@code java -Xmx1g -cp winnow-bench.jar dev.winnow.bench.scores.TableMemoryProbe 1000000}</pre>
 */
public final class TableMemoryProbe {
    private static final int BATCH = 512;

    private TableMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        SyntheticDetections source = new SyntheticDetections(1);
        long baseline = usedAfterGc();

        long t0 = System.nanoTime();
        PredictionsTable table = fill(source, n, threads);
        long t1 = System.nanoTime();
        long tableBytes = usedAfterGc() - baseline;

        long t2 = System.nanoTime();
        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);
        long t3 = System.nanoTime();
        PredictionFacts facts = PredictionFacts.of(table);
        long t4 = System.nanoTime();

        System.out.printf(
                "samples            %,d (%d boxes, %d classes each)%n",
                n, SyntheticDetections.BOXES, SyntheticDetections.CATEGORIES);
        System.out.printf(
                "table fill         %.2f s  %,.0f samples/s (%d threads, includes generating the records)%n",
                seconds(t0, t1), n / seconds(t0, t1), threads);
        System.out.printf("scoring            %.3f s  %,.0f samples/s%n", seconds(t2, t3), n / seconds(t2, t3));
        System.out.printf("facts              %.3f s  %,.0f samples/s%n", seconds(t3, t4), n / seconds(t3, t4));
        System.out.printf("table heap         %,d MB (live after GC)%n", tableBytes >> 20);
        System.out.printf(
                "peak heap          %,d MB (max heap %,d MB)%n",
                peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        // Keep the results reachable until here so the measurements above see them.
        System.out.printf("check              %s %d%n", scores.sampleName(n - 1), facts.objectCount(n - 1));
    }

    static PredictionsTable fill(SyntheticDetections source, int n, int threads) throws Exception {
        PredictionsTableBuilder table = new PredictionsTableBuilder("detection", SyntheticDetections.schema());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PredictionsTableBuilder>> inFlight = new ArrayList<>();
            int next = 0;
            while (next < n || !inFlight.isEmpty()) {
                while (next < n && inFlight.size() < 2 * threads) {
                    int from = next;
                    int to = Math.min(n, next + BATCH);
                    inFlight.add(pool.submit(() -> {
                        PredictionsTableBuilder batch =
                                new PredictionsTableBuilder("detection", SyntheticDetections.schema());
                        for (int i = from; i < to; i++) {
                            batch.add(SyntheticDetections.sampleName(i), source.sample(i));
                        }
                        return batch;
                    }));
                    next = to;
                }
                table.addAll(inFlight.remove(0).get());
            }
        } finally {
            pool.shutdownNow();
        }
        return table.build();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
