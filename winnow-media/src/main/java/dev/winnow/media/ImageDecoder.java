package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.LocationAccessException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import org.jspecify.annotations.Nullable;

/**
 * Decodes images at reduced resolution. The header is read first; then the reader skips pixels
 * while decoding (ImageIO source subsampling by the largest integer factor that keeps the image at
 * least the target size, see {@link Subsampling}), so a 4000x3000 photo wanted at 224 pixels never
 * occupies 48 MB of memory. The result is {@link BufferedImage#TYPE_INT_RGB} with the original size,
 * both turned upright as a JPEG's EXIF orientation says (see {@link ExifOrientation}).
 *
 * <p>A file that cannot be decoded completely is a {@link MediaException} naming it, including a
 * truncated JPEG, which the JPEG reader would otherwise return with grey rows at the bottom. So is
 * an image whose header declares more than {@link #PIXEL_BUDGET} pixels: it is refused before any
 * pixel is decoded, since even a subsampled read inflates every row of the file.
 *
 * <pre>{@code
 * DecodedImage image = ImageDecoder.decode(datasource, "street/home.jpg", 224);  // 256x192 of 512x384
 * }</pre>
 *
 * <p>Thread-safe: each call uses its own reader.
 */
public final class ImageDecoder {
    /**
     * The most pixels an image's header may declare for it to be decoded: 2^28 = 268,435,456 (a 16k x
     * 16k image). A few bytes of header can promise billions of pixels; this bounds memory and time.
     */
    public static final long PIXEL_BUDGET = 1L << 28;

    /**
     * Files up to this size (64 MiB) are read whole with one read and decoded from memory, with no
     * second open for the EXIF orientation; larger ones are decoded through a buffered channel.
     */
    static final long IN_MEMORY_BYTES = 64L << 20;

    private ImageDecoder() {}

    /** The image, reduced so that its short side is at least {@code targetShortSide} (0: full size). */
    public static DecodedImage decode(Datasource datasource, String path, int targetShortSide)
            throws IOException, MediaException {
        if (targetShortSide < 0) {
            throw new IllegalArgumentException(
                    "The target short side must be 0 (full size) or more, but was " + targetShortSide + ".");
        }
        return decode(
                datasource, path, original -> Subsampling.forShortSide(original, targetShortSide), IN_MEMORY_BYTES);
    }

    /** As {@link #decode(Datasource, String, int)}, reading files up to {@code inMemoryBytes} whole (for tests). */
    static DecodedImage decode(Datasource datasource, String path, int targetShortSide, long inMemoryBytes)
            throws IOException, MediaException {
        return decode(datasource, path, original -> Subsampling.forShortSide(original, targetShortSide), inMemoryBytes);
    }

    /** The image, reduced so that it is at least {@code target} wide and high. */
    public static DecodedImage decode(Datasource datasource, String path, ImageSize target)
            throws IOException, MediaException {
        return decode(datasource, path, original -> Subsampling.forSize(original, target), IN_MEMORY_BYTES);
    }

    /** The image at full size. */
    public static DecodedImage decodeFull(Datasource datasource, String path) throws IOException, MediaException {
        return decode(datasource, path, 0);
    }

    private interface FactorChoice {
        int factorFor(ImageSize original);
    }

    private static DecodedImage decode(Datasource datasource, String path, FactorChoice choice, long inMemoryBytes)
            throws IOException, MediaException {
        byte[] file = wholeFile(datasource, path, inMemoryBytes);
        ImageReader reader =
                file != null ? ImageReaders.open(file, path, true) : ImageReaders.open(datasource, path, true);
        List<String> damage = new ArrayList<>();
        IIOReadWarningListener warnings = (source, warning) -> {
            if (isDamage(warning)) {
                damage.add(warning);
            }
        };
        reader.addIIOReadWarningListener(warnings);
        try {
            ImageSize stored;
            try {
                stored = new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException e) {
                throw ImageHeaders.unreadable(path, e);
            }
            if (stored.pixelCount() > PIXEL_BUDGET) {
                throw new MediaException("The image '" + path + "' declares " + stored.width() + "x" + stored.height()
                        + " = " + stored.pixelCount() + " pixels, more than the pixel budget of " + PIXEL_BUDGET
                        + "; it is not decoded.");
            }
            int orientation = !isJpeg(reader)
                    ? ExifOrientation.AS_STORED
                    : file != null ? ExifOrientation.read(file) : orientation(datasource, path);
            ImageSize original = ExifOrientation.displayed(stored, orientation);
            int factor = choice.factorFor(original);
            ImageReadParam param = reader.getDefaultReadParam();
            int[] offsets = ExifOrientation.subsamplingOffsets(stored, factor, orientation);
            param.setSourceSubsampling(factor, factor, offsets[0], offsets[1]);
            BufferedImage pixels;
            try {
                pixels = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                LocationAccessException.rethrowIfDenied(e);
                throw new MediaException(
                        "The image '" + path + "' could not be decoded; it is truncated or corrupt.", e);
            } catch (OutOfMemoryError e) {
                throw new MediaException("The image '" + path + "' needs more memory to decode than is available.");
            }
            if (!damage.isEmpty()) {
                throw new MediaException(
                        "The image '" + path + "' could not be decoded completely; it is truncated or corrupt ("
                                + damage.get(0).strip() + ").");
            }
            return new DecodedImage(ExifOrientation.upright(RgbImages.toIntRgb(pixels), orientation), original);
        } finally {
            ImageReaders.close(reader);
        }
    }

    /** The whole file when it is at most {@code limit} bytes long, else null. */
    private static byte @Nullable [] wholeFile(Datasource datasource, String path, long limit) throws IOException {
        try {
            return datasource.readAllBytes(path, limit);
        } catch (FileTooLargeException e) {
            return null;
        }
    }

    private static boolean isJpeg(ImageReader reader) throws IOException {
        return reader.getFormatName().equalsIgnoreCase("jpeg");
    }

    private static int orientation(Datasource datasource, String path) throws IOException {
        try (SeekableByteChannel in = datasource.openSeekable(path)) {
            return ExifOrientation.read(in);
        }
    }

    /** Reader warnings that mean pixels are missing, rather than harmless metadata oddities. */
    private static boolean isDamage(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncat") || text.contains("corrupt");
    }
}
