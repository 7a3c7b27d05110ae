package dev.winnow.bench.embed;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.embed.BatchEmbedding;
import dev.winnow.embed.BuiltinEmbedder;
import dev.winnow.embed.Embedder;
import dev.winnow.embed.EmbeddingsCsvWriter;
import dev.winnow.embed.OnnxEmbedder;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The embedding phase of a run on its own, for whole-process timing: lists the JPEGs of a folder,
 * decodes each at reduced resolution (the embedder's input size as the short side), embeds them in
 * batches with the built-in embedder, or with an ONNX model on the CPU when one is given (ImageNet
 * normalisation, as a run's default), and writes {@code embeddings.csv}. Prints one line with the
 * image count, the seconds spent and the images per second.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.embed.EmbedFolder DIR OUT.csv [MODEL.onnx INPUT_SIZE]}
 */
public final class EmbedFolder {

    private EmbedFolder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: EmbedFolder DIR OUT.csv [MODEL.onnx INPUT_SIZE]");
            System.exit(2);
        }
        long start = System.nanoTime();
        LocalDatasource folder = LocalDatasource.at(Path.of(args[0]));
        List<String> names = folder.list("").stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".jpg"))
                .toList();
        AtomicInteger failed = new AtomicInteger();
        try (Embedder embedder = args.length == 4
                ? OnnxEmbedder.open(
                        Path.of(args[2]),
                        Integer.parseInt(args[3]),
                        OnnxEmbedder.IMAGENET_MEAN,
                        OnnxEmbedder.IMAGENET_STD)
                : BuiltinEmbedder.create()) {
            float[][] rows = BatchEmbedding.embedAll(
                    embedder,
                    names.size(),
                    i -> decode(folder, names.get(i), embedder.inputSize(), failed),
                    BatchEmbedding.DEFAULT_BATCH_SIZE,
                    (done, total) -> {});
            try (EmbeddingsCsvWriter csv =
                    EmbeddingsCsvWriter.createAtomically(Path.of(args[1]), embedder.dimension())) {
                for (int i = 0; i < rows.length; i++) {
                    if (rows[i] != null) {
                        csv.append(names.get(i), rows[i]);
                    }
                }
                csv.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "images %d, undecodable %d, %.2f s, %.0f images/s%n",
                names.size(),
                failed.get(),
                seconds,
                names.size() / seconds);
    }

    private static @Nullable BufferedImage decode(LocalDatasource folder, String name, int side, AtomicInteger failed) {
        try {
            return ImageDecoder.decode(folder, name, side).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | MediaException e) {
            failed.incrementAndGet();
            return null;
        }
    }
}
