package dev.winnow.bench.selection;

import dev.winnow.select.ClassTable;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.EmbeddingRows;
import dev.winnow.select.KCenterGreedy;
import dev.winnow.select.MappedEmbeddingRows;
import dev.winnow.select.SelectionConfig;
import dev.winnow.select.SelectionConfigParser;
import dev.winnow.select.SelectionInputs;
import dev.winnow.select.SelectionResult;
import dev.winnow.select.Selector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole selection at scale for {@code bench/select-scale.sh}: DIVERSITY on int8 embeddings
 * memory-mapped from a {@code .npy} file, WEIGHTS on a per-sample score and BALANCE (uniform) over
 * a 4-class distribution, combined by {@link Selector} as a run combines them. The score and the
 * classes are drawn from each sample's index (the classes skewed 40/30/20/10 %); the names are
 * formed on demand, so the heap holds what the selection itself needs.
 *
 * <p>Two timed selections run in one process after an untimed one of {@code PICKS_A} picks, of
 * {@code PICKS_A} and then {@code PICKS_B} picks: the
 * difference of their times divided by the difference of picks is the cost of one pick without
 * the set-up (reading the inputs, quantising the rows), which the first selection also warms up.
 * Prints both times, the cost per pick, the set-up, the peak heap and the picks of both runs agree
 * on their common prefix.
 *
 * <p>Usage: {@code SelectionScale IN.npy PICKS_A PICKS_B THREADS}
 */
public final class SelectionScale {

    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private SelectionScale() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SelectionScale IN.npy PICKS_A PICKS_B THREADS");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        int picksA = Integer.parseInt(args[1]);
        int picksB = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Npy.Header header = Npy.header(in);
        MappedEmbeddingRows rows = MappedEmbeddingRows.map(in, header.dataOffset(), header.rows(), header.columns());
        SelectionInputs inputs = new ScaleInputs(rows);
        Selector selector = new Selector(threads, KCenterGreedy.Storage.INT8);

        // Warm-up: the same selection as the first timed one, so that both timed ones run compiled code.
        long warm = System.nanoTime();
        selector.select(config(picksA), inputs, 42L);
        long start = System.nanoTime();
        SelectionResult a = selector.select(config(picksA), inputs, 42L);
        long middle = System.nanoTime();
        SelectionResult b = selector.select(config(picksB), inputs, 42L);
        long end = System.nanoTime();

        int common = Math.min(a.size(), b.size());
        int same = 0;
        while (same < common && a.pick(same) == b.pick(same)) {
            same++;
        }
        double secondsA = (middle - start) / 1e9;
        double secondsB = (end - middle) / 1e9;
        double perPick = (secondsB - secondsA) / Math.max(1, b.size() - a.size());
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "rows=%d dim=%d threads=%d warmup_s=%.2f picks_a=%d select_a_s=%.2f picks_b=%d "
                        + "select_b_s=%.2f ms_per_pick=%.2f"
                        + " setup_s=%.2f extrapolated_10000_s=%.0f same_prefix=%d/%d peak_heap_mb=%d%n",
                rows.count(),
                rows.dimension(),
                threads,
                (start - warm) / 1e9,
                a.size(),
                secondsA,
                b.size(),
                secondsB,
                perPick * 1e3,
                secondsB - perPick * b.size(),
                secondsB + perPick * (10_000 - b.size()),
                same,
                common,
                peakHeap >> 20);
    }

    private static SelectionConfig config(int picks) {
        String json = ("{'n_samples': " + picks + ", 'strategies': ["
                        + "{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}},"
                        + "{'input': {'type': 'SCORES', 'task': 'det', 'score': 'w'}, 'strategy': {'type': 'WEIGHTS'}},"
                        + "{'input': {'type': 'PREDICTIONS', 'task': 'det', 'name': 'CLASS_DISTRIBUTION'},"
                        + " 'strategy': {'type': 'BALANCE', 'distribution': 'UNIFORM'}}]}")
                .replace('\'', '"');
        return SelectionConfigParser.parse(JsonMapper.builder().build().readTree(json), "/selection");
    }

    /** Inputs drawn from the sample index, with the embeddings left in the mapped file. */
    private static final class ScaleInputs implements SelectionInputs {

        private final MappedEmbeddingRows rows;
        private final List<String> names;

        ScaleInputs(MappedEmbeddingRows rows) {
            this.rows = rows;
            int n = rows.count();
            this.names = new AbstractList<>() {
                @Override
                public String get(int i) {
                    return String.format(Locale.ROOT, "images/%04d/s%08d.jpg", i / 1000, i);
                }

                @Override
                public int size() {
                    return n;
                }
            };
        }

        @Override
        public List<String> sampleNames() {
            return names;
        }

        @Override
        public Optional<EmbeddingMatrix> embeddings(Optional<String> task) {
            return Optional.empty();
        }

        @Override
        public Optional<EmbeddingRows> embeddingRows(Optional<String> task) {
            return task.isPresent() ? Optional.empty() : Optional.of(rows);
        }

        @Override
        public Set<String> tasks() {
            return Set.of("det");
        }

        @Override
        public Set<String> scoreNames(String task) {
            return Set.of("w");
        }

        @Override
        public double[] scores(String task, String score) {
            double[] w = new double[rows.count()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (mix(i) >>> 11) * 0x1.0p-53;
            }
            return w;
        }

        @Override
        public ClassTable classDistribution(String task) {
            int n = rows.count();
            double[] values = new double[n * CLASSES.size()];
            for (int i = 0; i < n; i++) {
                long u = Long.remainderUnsigned(mix(i + 0x9E3779B97F4A7C15L), 10);
                int c = u < 4 ? 0 : u < 7 ? 1 : u < 9 ? 2 : 3;
                values[i * CLASSES.size() + c] = 1;
            }
            return new ClassTable(CLASSES, values);
        }

        private static long mix(long x) {
            long z = x * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 29);
        }
    }
}
