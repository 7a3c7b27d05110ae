package dev.winnow.bench.embed;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.winnow.media.ImageSize;
import dev.winnow.media.Subsampling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The decoding floor of the embedding phase, for {@code bench/embed.sh}: the JPEGs of a folder,
 * each read whole and decoded by the reader ImageIO picks for it (the one the embedding phase
 * uses), subsampled to the same reduced size (short side at least 64 pixels), on the same threads
 * (the common pool, all cores), and nothing else: no orientation, no conversion to RGB, no
 * embedding, no output. Prints one line with the image count, the seconds spent, the images per
 * second and the reader's class.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.embed.DecodeFolder DIR [SHORT_SIDE]}
 */
public final class DecodeFolder {

    private DecodeFolder() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DecodeFolder DIR [SHORT_SIDE]");
            System.exit(2);
        }
        long start = System.nanoTime();
        int side = args.length == 2 ? Integer.parseInt(args[1]) : 64;
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
            files = listing.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                    .sorted()
                    .toList();
        }
        AtomicLong pixels = new AtomicLong();
        String[] reader = new String[1];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                byte[] bytes = Files.readAllBytes(files.get(i));
                pixels.addAndGet(decodeReduced(bytes, side, reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "images %d, decoded pixels %d, %.2f s, %.0f images/s, reader %s%n",
                files.size(),
                pixels.get(),
                seconds,
                files.size() / seconds,
                reader[0]);
    }

    /** Decodes one file subsampled as the embedding phase does; returns the decoded pixel count. */
    private static long decodeReduced(byte[] bytes, int side, String[] readerName) throws IOException {
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("no ImageIO reader for a file of " + bytes.length + " bytes");
            }
            ImageReader reader = readers.next();
            readerName[0] = reader.getClass().getName();
            try {
                reader.setInput(input, true, true);
                ImageSize size = new ImageSize(reader.getWidth(0), reader.getHeight(0));
                int factor = Subsampling.forShortSide(size, side);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(factor, factor, 0, 0);
                var image = reader.read(0, param);
                return (long) image.getWidth() * image.getHeight();
            } finally {
                reader.dispose();
            }
        }
    }
}
