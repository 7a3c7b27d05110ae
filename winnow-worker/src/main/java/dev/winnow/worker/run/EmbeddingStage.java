package dev.winnow.worker.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.MediaException;
import dev.winnow.select.embed.Embedder;
import dev.winnow.select.embed.EmbeddingSource;
import dev.winnow.select.embed.PrecomputedEmbeddings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Decodes samples at the embedder's size, computes their {@code lightly.*} metadata and embeds them,
 * in batches: the images of a batch are decoded in parallel on a fixed pool, then embedded together,
 * so at most one batch of decoded images is held at a time. An image that cannot be decoded becomes
 * a diagnostic and is left out; the others go on. With precomputed embeddings images are still
 * decoded, at a small size, for their metadata and to find unreadable files.
 */
final class EmbeddingStage {
    static final int BATCH = 32;
    /** Short side images are decoded to when only metadata is needed. */
    static final int METADATA_SIZE = 64;

    /** The embedded samples in input order; rows are {@code dimension} wide. */
    record Embedded(List<String> names, float[] rows, int dimension, List<ImageMetadata> metadata) {
    }

    private final Datasource input;
    private final ExecutorService pool;
    private final RunProgress progress;
    private final List<Diagnostic> diagnostics;

    EmbeddingStage(Datasource input, ExecutorService pool, RunProgress progress, List<Diagnostic> diagnostics) {
        this.input = input;
        this.pool = pool;
        this.progress = progress;
        this.diagnostics = diagnostics;
    }

    /** Embeds {@code samples} (whose files have {@code sizes} bytes) with {@code source}. */
    Embedded run(List<String> samples, long[] sizes, EmbeddingSource source) throws IOException {
        int dimension = source.dimension();
        int side = source instanceof Embedder e ? e.inputSize() : METADATA_SIZE;
        List<String> names = new ArrayList<>(samples.size());
        List<ImageMetadata> metadata = new ArrayList<>(samples.size());
        float[] rows = new float[samples.size() * dimension];
        int kept = 0;
        progress.phase("Decoding and embedding", samples.size());
        for (int start = 0; start < samples.size(); start += BATCH) {
            int end = Math.min(samples.size(), start + BATCH);
            // Decoding and the metadata's pixel statistics run on the pool, one image per task.
            List<Future<Measured>> decoding = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                String sample = samples.get(i);
                long bytes = sizes[i];
                decoding.add(pool.submit(() -> {
                    DecodedImage image = ImageDecoder.decode(input, sample, side);
                    return new Measured(image, ImageMetadata.of(image, bytes));
                }));
            }
            List<BufferedImage> images = new ArrayList<>(end - start);
            List<String> batchNames = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                Measured image = await(decoding.get(i - start), samples.get(i));
                if (image == null) {
                    continue;
                }
                if (source instanceof PrecomputedEmbeddings file && file.find(samples.get(i)).isEmpty()) {
                    diagnostics.add(DiagnosticCode.UNREADABLE.of(samples.get(i), "The sample has no row in the "
                            + file + ", so it is left out of the run."));
                    continue;
                }
                images.add(image.decoded().image());
                batchNames.add(samples.get(i));
                metadata.add(image.metadata());
            }
            float[][] vectors = embed(source, images, batchNames);
            for (int b = 0; b < vectors.length; b++) {
                if (vectors[b].length != dimension) {
                    throw new IllegalStateException("The embedder returned a vector of length " + vectors[b].length
                            + " for " + batchNames.get(b) + ", but promised " + dimension + ".");
                }
                System.arraycopy(vectors[b], 0, rows, kept * dimension, dimension);
                names.add(batchNames.get(b));
                kept++;
            }
            progress.advance(end);
        }
        progress.endPhase();
        return new Embedded(names, java.util.Arrays.copyOf(rows, kept * dimension), dimension, metadata);
    }

    private static float[][] embed(EmbeddingSource source, List<BufferedImage> images, List<String> names) {
        if (images.isEmpty()) {
            return new float[0][];
        }
        if (source instanceof Embedder embedder) {
            return embedder.embed(images);
        }
        return ((PrecomputedEmbeddings) source).require(names);
    }

    /** A decoded image with its metadata. */
    private record Measured(DecodedImage decoded, ImageMetadata metadata) {
    }

    /** The decoded image, or null after recording why it could not be decoded. */
    private Measured await(Future<Measured> future, String sample) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while decoding " + sample + ".", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MediaException || cause instanceof IOException || cause instanceof UncheckedIOException
                    || cause instanceof RuntimeException) {
                String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                diagnostics.add(DiagnosticCode.UNREADABLE.of(sample, "The image cannot be decoded, so it is left out of the run: "
                        + reason + (reason.endsWith(".") ? "" : ".")));
                return null;
            }
            throw new IOException("Decoding " + sample + " failed: " + cause, cause);
        }
    }
}
