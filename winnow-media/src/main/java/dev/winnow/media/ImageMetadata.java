package dev.winnow.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lightly.*} metadata of one image or video frame: its size and simple pixel
 * statistics that users filter and balance on (blurry, dark, low-contrast images).
 *
 * <p>Statistics are computed on the decoded, possibly reduced image (see {@link ImageDecoder}),
 * from its grey value {@code g = (299·R + 587·G + 114·B) / 1000} (ITU-R BT.601 luma, 0..255):
 * <ul>
 *   <li>{@code sharpness}: the population variance of the 3x3 Laplacian
 *       {@code g(x-1,y) + g(x+1,y) + g(x,y-1) + g(x,y+1) − 4·g(x,y)} over the interior pixels
 *       (those with all four neighbours); 0 for images narrower or lower than 3 pixels. Higher is
 *       sharper; a flat image has 0.</li>
 *   <li>{@code snr}: mean of g divided by the population standard deviation of g; 0 when the
 *       standard deviation is 0.</li>
 *   <li>{@code meanRed}, {@code meanGreen}, {@code meanBlue}: the channel means scaled to 0..1.</li>
 *   <li>{@code contrast}: RMS contrast, the population standard deviation of g / 255 (0..0.5).</li>
 * </ul>
 *
 * @param width       original width in pixels
 * @param height      original height in pixels
 * @param sizeInBytes size of the file (for a video frame: of the video file)
 */
public record ImageMetadata(
        int width,
        int height,
        long sizeInBytes,
        double sharpness,
        double snr,
        double meanRed,
        double meanGreen,
        double meanBlue,
        double contrast) {

    /** The metadata keys in their fixed order, as {@link #asMap()} names them. */
    public static final List<String> KEYS = List.of(
            "lightly.width",
            "lightly.height",
            "lightly.sizeInBytes",
            "lightly.sharpness",
            "lightly.snr",
            "lightly.meanRed",
            "lightly.meanGreen",
            "lightly.meanBlue",
            "lightly.contrast");

    /** The values by their {@code lightly.} keys, in the fixed order of {@link #KEYS}. */
    public Map<String, Double> asMap() {
        double[] values = {width, height, sizeInBytes, sharpness, snr, meanRed, meanGreen, meanBlue, contrast};
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            map.put(KEYS.get(i), values[i]);
        }
        return map;
    }

    /** The metadata of a decoded image whose file has {@code sizeInBytes} bytes. */
    public static ImageMetadata of(DecodedImage image, long sizeInBytes) {
        return PixelStatistics.of(image.image()).toMetadata(image.original(), sizeInBytes);
    }
}
