package dev.winnow.bench.selection;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The memory-bandwidth floor of a k-center pass, STREAM-style: the time all threads take merely to
 * read an array of the size a pass reads (N·d bytes for int8 storage, 4·N·d for float32), summing
 * it so that nothing can be skipped. Prints the best and median of {@code REPS} reads as bytes/s.
 *
 * <p>Usage: {@code ReadFloor ROWS DIMENSION THREADS REPS}
 */
public final class ReadFloor {

    private ReadFloor() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ReadFloor ROWS DIMENSION THREADS REPS");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        int dimension = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            StringBuilder line = new StringBuilder();
            for (int bytesPerValue : new int[] {1, 4}) {
                long bytes = rows * dimension * bytesPerValue;
                double[] rates = measure(pool, threads, reps, Math.toIntExact(bytes / Integer.BYTES));
                String name = bytesPerValue == 1 ? "int8" : "float32";
                line.append(String.format(
                        Locale.ROOT,
                        "%sfloor_%s_gbs=%.2f floor_%s_best_gbs=%.2f floor_%s_ms=%.3f",
                        line.length() == 0 ? "" : " ",
                        name,
                        rates[0],
                        name,
                        rates[1],
                        name,
                        bytes / rates[0] / 1e6));
            }
            System.out.println(line);
        } finally {
            pool.shutdown();
        }
    }

    /** {median, best} GB/s over {@code reps} parallel reads of an int array of {@code length}. */
    private static double[] measure(ExecutorService pool, int threads, int reps, int length) throws Exception {
        int[] data = new int[length];
        for (int i = 0; i < length; i++) {
            data[i] = i * 31;
        }
        double[] rates = new double[reps];
        long check = 0;
        for (int rep = -2; rep < reps; rep++) {
            long start = System.nanoTime();
            Future<?>[] parts = new Future<?>[threads];
            long[] sums = new long[threads];
            for (int t = 0; t < threads; t++) {
                int part = t;
                int from = (int) ((long) length * t / threads);
                int to = (int) ((long) length * (t + 1) / threads);
                parts[t] = pool.submit(() -> sums[part] = sum(data, from, to));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            long elapsed = System.nanoTime() - start;
            for (long s : sums) {
                check += s;
            }
            if (rep >= 0) {
                rates[rep] = (double) length * Integer.BYTES / elapsed;
            }
        }
        if (check == 42) {
            System.err.println("(unlikely checksum)");
        }
        Arrays.sort(rates);
        return new double[] {rates[reps / 2], rates[reps - 1]};
    }

    /** Four independent sums, so the loads are the limit rather than one add chain. */
    private static long sum(int[] data, int from, int to) {
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            a += data[i];
            b += data[i + 1];
            c += data[i + 2];
            d += data[i + 3];
        }
        for (; i < to; i++) {
            a += data[i];
        }
        return (long) a + b + c + d;
    }
}
