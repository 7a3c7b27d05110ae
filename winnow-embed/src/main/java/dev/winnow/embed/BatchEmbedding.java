package dev.winnow.embed;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Embeds many samples in batches: images are loaded (decoded) in parallel for one batch at a
 * time, handed to the embedder together, and progress is reported after each batch. Memory stays
 * bounded by one batch of decoded images plus the result rows. The built-in embedder, which gains
 * nothing from batches, embeds each image on the thread that decoded it, as soon as it is decoded.
 *
 * <pre>{@code
 * float[][] rows = BatchEmbedding.embedAll(embedder, names.size(),
 *         i -> decoder.decode(names.get(i), embedder.inputSize()).orElse(null), 64,
 *         (done, total) -> bar.stepTo(done));
 * }</pre>
 *
 * <p>A loader that returns {@code null} marks a sample that could not be decoded (the caller has
 * reported why); its row stays {@code null} and the others go on.
 */
public final class BatchEmbedding {

    /** A batch size that keeps decoding parallel without holding many images at once. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private BatchEmbedding() {}

    /**
     * One L2-normalised row per sample index {@code 0..count-1}, {@code null} where the loader gave
     * no image.
     *
     * @param loader   the image of a sample index, or {@code null}; called from several threads at once
     * @param progress told after every batch
     */
    public static float[][] embedAll(
            Embedder embedder,
            int count,
            IntFunction<BufferedImage> loader,
            int batchSize,
            EmbeddingProgress progress) {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(progress, "progress");
        if (count < 0) {
            throw new IllegalArgumentException("The sample count cannot be negative, but was " + count + ".");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, but was " + batchSize + ".");
        }
        float[][] rows = new float[count][];
        if (embedder instanceof BuiltinEmbedder builtin) {
            // Batches gain the built-in embedder nothing: each worker embeds the image it has just
            // decoded, so no core waits for a batch's slowest decoding before embedding starts.
            for (int from = 0; from < count; from += batchSize) {
                int size = Math.min(batchSize, count - from);
                IntStream.range(from, from + size).parallel().forEach(i -> {
                    BufferedImage image = loader.apply(i);
                    rows[i] = image == null ? null : builtin.embed(image);
                });
                progress.update(from + size, count);
            }
            return rows;
        }
        BufferedImage[] images = new BufferedImage[Math.min(batchSize, count)];
        for (int from = 0; from < count; from += batchSize) {
            int start = from;
            int size = Math.min(batchSize, count - from);
            IntStream.range(0, size).parallel().forEach(k -> images[k] = loader.apply(start + k));
            List<BufferedImage> present = new ArrayList<>(size);
            int[] index = new int[size];
            for (int k = 0; k < size; k++) {
                if (images[k] != null) {
                    index[present.size()] = start + k;
                    present.add(images[k]);
                }
                images[k] = null;
            }
            if (!present.isEmpty()) {
                float[][] embedded = embedder.embed(present);
                if (embedded.length != present.size()) {
                    throw new EmbeddingException(embedder + " returned " + embedded.length + " embeddings for "
                            + present.size() + " images.");
                }
                for (int k = 0; k < embedded.length; k++) {
                    rows[index[k]] = embedded[k];
                }
            }
            progress.update(from + size, count);
        }
        return rows;
    }
}
