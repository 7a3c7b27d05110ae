package dev.winnow.bench.selection;

import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.EmbeddingRows;
import dev.winnow.select.KCenterGreedy;
import dev.winnow.select.KCenterResult;
import dev.winnow.select.MappedEmbeddingRows;
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
 * the k-center radius of the picks (computed afterwards in float32, outside the timed part). A
 * short selection on the first 65,536 rows runs before, so that the timed selection runs compiled
 * code; its time is printed as {@code warmup_s}.
 *
 * <p>With {@code mapped} the rows stay in the {@code .npy} file, memory-mapped (int8 storage then
 * holds only its compact copy on the heap), and the radius, which needs a float32 copy, is left out.
 *
 * <p>Usage: {@code KCenterRun IN.npy PICKS FLOAT32|INT8 THREADS SEED PICKS_OUT.txt [mapped]}
 */
public final class KCenterRun {

    private KCenterRun() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6 && !(args.length == 7 && args[6].equals("mapped"))) {
            System.err.println("usage: KCenterRun IN.npy PICKS FLOAT32|INT8 THREADS SEED PICKS_OUT.txt [mapped]");
            System.exit(2);
        }
        boolean mapped = args.length == 7;
        Path in = Path.of(args[0]);
        int picks = Integer.parseInt(args[1]);
        KCenterGreedy.Storage storage = KCenterGreedy.Storage.valueOf(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        EmbeddingRows embeddings;
        if (mapped) {
            Npy.Header header = Npy.header(in);
            embeddings = MappedEmbeddingRows.map(in, header.dataOffset(), header.rows(), header.columns());
        } else {
            Npy.Matrix matrix = Npy.read(in);
            embeddings = new EmbeddingMatrix(matrix.values(), matrix.columns());
        }
        int dimension = embeddings.dimension();

        // Warm-up: a short selection on the first rows, so that the passes timed below run compiled
        // code (the Vector API is slow until the JIT has compiled it); its time is printed apart.
        long warmStart = System.nanoTime();
        int warmRows = Math.min(embeddings.count(), 1 << 16);
        float[] first = new float[warmRows * dimension];
        for (int i = 0; i < warmRows; i++) {
            System.arraycopy(embeddings.row(i), 0, first, i * dimension, dimension);
        }
        new KCenterGreedy(new EmbeddingMatrix(first, dimension), storage, threads)
                .select(200, EmbeddingMatrix.empty(dimension), 0, seed);
        long warmDone = System.nanoTime();

        long start = System.nanoTime();
        KCenterGreedy greedy = new KCenterGreedy(embeddings, storage, threads);
        long prepared = System.nanoTime();
        KCenterResult result = greedy.select(picks, EmbeddingMatrix.empty(dimension), 0, seed);
        long done = System.nanoTime();

        Path out = Path.of(args[5]);
        Path temp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(
                temp,
                IntStream.of(result.picks()).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double radius = embeddings instanceof EmbeddingMatrix matrix
                ? KCenterGreedy.coverageRadius(matrix, result.picks(), threads)
                : Double.NaN;
        // A pass reads the stored rows and each row's nearest distance and writes the latter back;
        // int8 rows also have their scale and squared norm read.
        long passBytes = (long) greedy.size() * (greedy.bytesPerRow() + 2L * Float.BYTES);
        double msPerPick = (done - prepared) / 1e6 / Math.max(1, result.picks().length);
        System.out.printf(
                Locale.ROOT,
                "storage=%s warmup_s=%.3f prepare_s=%.3f select_s=%.3f ms_per_pick=%.3f pass_mb=%.1f "
                        + "pass_gbs=%.2f picks=%d exact_checks_per_pick=%.0f radius=%.6f%n",
                greedy.storageDescription(),
                (warmDone - warmStart) / 1e9,
                (prepared - start) / 1e9,
                (done - prepared) / 1e9,
                msPerPick,
                passBytes / 1e6,
                passBytes / msPerPick / 1e6,
                result.picks().length,
                (double) result.exactChecks() / Math.max(1, result.picks().length),
                radius);
    }
}
