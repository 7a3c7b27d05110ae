package dev.winnow.bench.selection;

import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterGreedy;
import dev.winnow.select.KCenterResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One whole-process k-center run for {@code bench/kcenter.sh}: loads a {@code .npy} matrix, picks
 * farthest-first, writes the picks (one index per line) and prints one line with the timings and
 * the k-center radius of the picks (computed afterwards in float32, outside the timed part).
 *
 * <p>Usage: {@code KCenterRun IN.npy PICKS FLOAT32|INT8 THREADS SEED PICKS_OUT.txt}
 */
public final class KCenterRun {

    private KCenterRun() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: KCenterRun IN.npy PICKS FLOAT32|INT8 THREADS SEED PICKS_OUT.txt");
            System.exit(2);
        }
        Npy.Matrix matrix = Npy.read(Path.of(args[0]));
        int picks = Integer.parseInt(args[1]);
        KCenterGreedy.Storage storage = KCenterGreedy.Storage.valueOf(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        EmbeddingMatrix embeddings = new EmbeddingMatrix(matrix.values(), matrix.columns());

        long start = System.nanoTime();
        KCenterGreedy greedy = new KCenterGreedy(embeddings, storage, threads);
        long prepared = System.nanoTime();
        KCenterResult result = greedy.select(picks, EmbeddingMatrix.empty(matrix.columns()), 0, seed);
        long done = System.nanoTime();

        Path out = Path.of(args[5]);
        Path temp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(
                temp,
                IntStream.of(result.picks()).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double radius = KCenterGreedy.coverageRadius(embeddings, result.picks(), threads);
        System.out.printf(
                Locale.ROOT,
                "storage=%s prepare_s=%.3f select_s=%.3f ms_per_pick=%.2f picks=%d exact_checks_per_pick=%.0f radius=%.6f%n",
                greedy.storageDescription(),
                (prepared - start) / 1e9,
                (done - prepared) / 1e9,
                (done - prepared) / 1e6 / Math.max(1, result.picks().length),
                result.picks().length,
                (double) result.exactChecks() / Math.max(1, result.picks().length),
                radius);
    }
}
