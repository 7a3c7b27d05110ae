package dev.winnow.bench.selection;

import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterGreedy;
import dev.winnow.select.KCenterResult;
import dev.winnow.select.TwoRoundKCenter;
import java.util.Locale;

/**
 * The selection part of a cluster run, simulated for {@code docs/scale.md}: N × D clustered
 * embeddings ({@link ClusteredEmbeddings}) are picked from with exact farthest-first (int8 storage)
 * and with two-round k-center over P partitions; prints the time, memory and covering radius of each.
 *
 * <p>Usage: {@code TwoRoundScale ROWS DIMENSION PICKS PARTITIONS THREADS}
 */
public final class TwoRoundScale {
    private TwoRoundScale() {}

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: TwoRoundScale ROWS DIMENSION PICKS PARTITIONS THREADS");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        int dimension = Integer.parseInt(args[1]);
        int picks = Integer.parseInt(args[2]);
        int partitions = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        long start = System.nanoTime();
        EmbeddingMatrix matrix = new EmbeddingMatrix(ClusteredEmbeddings.generate(rows, dimension, 42L), dimension);
        long generated = System.nanoTime();
        KCenterResult exact = new KCenterGreedy(matrix, KCenterGreedy.Storage.INT8, threads)
                .select(picks, EmbeddingMatrix.empty(dimension), 0, 42L);
        long exactDone = System.nanoTime();
        KCenterResult twoRound = new TwoRoundKCenter(KCenterGreedy.Storage.INT8, threads)
                .select(matrix, partitions, picks, EmbeddingMatrix.empty(dimension), 0, 42L);
        long twoRoundDone = System.nanoTime();
        double exactRadius = KCenterGreedy.coverageRadius(matrix, exact.picks(), threads);
        double twoRoundRadius = KCenterGreedy.coverageRadius(matrix, twoRound.picks(), threads);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "rows=%d dim=%d picks=%d partitions=%d threads=%d generate_s=%.1f exact_s=%.1f exact_ms_per_pick=%.1f"
                        + " two_round_s=%.1f radius_exact=%.4f radius_two_round=%.4f ratio=%.3f heap_used_mb=%d%n",
                rows,
                dimension,
                picks,
                partitions,
                threads,
                (generated - start) / 1e9,
                (exactDone - generated) / 1e9,
                (exactDone - generated) / 1e6 / Math.max(1, exact.picks().length),
                (twoRoundDone - exactDone) / 1e9,
                exactRadius,
                twoRoundRadius,
                twoRoundRadius / exactRadius,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
