package dev.winnow.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Candidate embeddings laid out for the farthest-first pass: rows are grouped in blocks of
 * {@link #BLOCK} and stored dimension-major inside a block, so the inner loop runs over
 * consecutive rows of one dimension and the JIT can vectorise it.
 */
sealed interface EmbeddingStore permits Float32Store, Int8Store {

    /**
     * Rows per block. With 64 rows, a 64-dimensional int8 block is 4 KB read front to back by
     * one group of SIMD accumulators (16 float lanes × 4), which streams from memory faster than
     * larger blocks walked in strided sweeps; the block maxima also narrow the search for the
     * farthest row to fewer rows.
     */
    int BLOCK = 64;

    int size();

    int dimension();

    /** Row {@code i} exactly as given, for use as a new center. */
    float[] row(int i);

    /**
     * An upper bound on how far the distances of row {@code i} computed by
     * {@link #squaredDistances} (after the square root) may be from the exact ones; 0 when exact.
     */
    float rowError(int i);

    /** The largest {@link #rowError} of any row; 0 when exact. */
    float maxRowError();

    /**
     * A bound on the float rounding in an approximate squared distance of any row to a center of
     * squared norm {@code centerSquaredNorm}; 0 when exact.
     */
    float roundingMargin(float centerSquaredNorm);

    /** Whether {@link #squaredDistances} is approximate, so picks need an exact check. */
    boolean approximate();

    /**
     * The exact float32 squared distance of row {@code i} to {@code center}, summed over the
     * dimensions in order, bit for bit what {@link Float32Store} computes.
     */
    float exactSquaredDistance(int i, float[] center);

    /**
     * Computes the squared distances of the rows in blocks {@code [fromBlock, toBlock)} to
     * {@code center} into {@code out} (indexed by row; entries past {@link #size()} are scratch).
     */
    void squaredDistances(float[] center, int fromBlock, int toBlock, float[] out);

    /**
     * Folds {@code center} into the nearest squared distances {@code min} (indexed by row; the
     * entries past {@link #size()} must hold −∞) of the rows in blocks {@code [fromBlock, toBlock)}
     * in one pass: each becomes the smaller of itself and the row's (approximate, see
     * {@link #approximate()}) squared distance to the center; {@code blockMax[b]} becomes the
     * largest of block b. Returns the largest of those block maxima.
     */
    float fold(float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax);

    /** Bytes held per row, for reports. */
    int bytesPerRow();

    default int blocks() {
        return (size() + BLOCK - 1) / BLOCK;
    }

    static EmbeddingStore of(EmbeddingRows matrix, KCenterGreedy.Storage storage) {
        return of(matrix, storage, 1);
    }

    /** The store, filled on {@code parallelism} threads (the rows are read once, in ranges of blocks). */
    static EmbeddingStore of(EmbeddingRows matrix, KCenterGreedy.Storage storage, int parallelism) {
        return storage == KCenterGreedy.Storage.INT8
                ? new Int8Store(matrix, PassKernel.best(), parallelism)
                : new Float32Store(matrix, PassKernel.best(), parallelism);
    }

    /** Work on a range of whole blocks {@code [fromBlock, toBlock)}. */
    @FunctionalInterface
    interface BlockRange<T> {
        T run(int fromBlock, int toBlock);
    }

    /**
     * Runs {@code task} over {@code blocks} blocks split into ranges on {@code parallelism} threads
     * (the caller's alone when 1) and returns the ranges' results in block order.
     */
    static <T> List<T> overBlocks(int blocks, int parallelism, BlockRange<T> task) {
        int chunks = parallelism <= 1 ? 1 : Math.max(1, Math.min(blocks, parallelism * 4));
        if (chunks == 1) {
            return List.of(task.run(0, blocks));
        }
        List<Callable<T>> ranges = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) blocks * c / chunks);
            int to = (int) ((long) blocks * (c + 1) / chunks);
            ranges.add(() -> task.run(from, to));
        }
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            List<T> results = new ArrayList<>(chunks);
            for (Future<T> future : pool.invokeAll(ranges)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Preparing the embeddings was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Preparing the embeddings failed: " + cause, cause);
        } finally {
            pool.shutdown();
        }
    }
}
