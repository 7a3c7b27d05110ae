package dev.winnow.bench.embed;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.embed.BatchEmbedding;
import dev.winnow.embed.BuiltinEmbedder;
import dev.winnow.embed.EmbeddingsCsvWriter;
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
 * decodes each at reduced resolution (the embedder's 64-pixel short side), embeds them in batches
 * with the built-in embedder and writes {@code embeddings.csv}. Prints one line with the image
 * count, the seconds spent and the images per second.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.embed.EmbedFolder DIR OUT.csv}
 */
public final class EmbedFolder {

    private EmbedFolder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmbedFolder DIR OUT.csv");
            System.exit(2);
        }
        long start = System.nanoTime();
        LocalDatasource folder = LocalDatasource.at(Path.of(args[0]));
        List<String> names = folder.list("").stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".jpg"))
                .toList();
        AtomicInteger failed = new AtomicInteger();
        try (BuiltinEmbedder embedder = BuiltinEmbedder.create()) {
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
