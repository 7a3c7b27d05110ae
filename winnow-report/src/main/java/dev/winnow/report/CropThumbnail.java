package dev.winnow.report;

import java.util.Objects;

/**
 * A selected crop of an object-level run as the report shows it: its picture, what it shows, the
 * sample it was cut from, and where its PNG file lies.
 *
 * @param crop     the crop sample's name, e.g. {@code street/home-detections-3}
 * @param parent   the sample it was cut from: an image ({@code street/home.jpg}) or a video frame
 *                 ({@code street/tree-07-mp4.png})
 * @param category the name of the box's category
 * @param score    the box's score, in [0, 1]
 * @param file     the crop's PNG relative to the run folder, with {@code /} separators, e.g.
 *                 {@code crops/detections/street/home-detections-3.png}
 * @param image    the crop's thumbnail
 */
public record CropThumbnail(String crop, String parent, String category, double score, String file, Thumbnail image) {
    public CropThumbnail {
        Objects.requireNonNull(crop, "The crop's name is missing.");
        Objects.requireNonNull(parent, "The parent sample of crop " + crop + " is missing.");
        Objects.requireNonNull(category, "The category of crop " + crop + " is missing.");
        Objects.requireNonNull(file, "The file of crop " + crop + " is missing.");
        Objects.requireNonNull(image, "The thumbnail of crop " + crop + " is missing.");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Crop " + crop + " has score " + score + "; a score lies in [0, 1].");
        }
        checkRelative(crop, file);
    }

    private static void checkRelative(String crop, String file) {
        if (file.isEmpty() || file.startsWith("/") || file.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("The file of crop " + crop
                    + " must be a path relative to the run folder " + "with / separators, but it is '" + file + "'.");
        }
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("The file of crop " + crop + " must be a path inside the run folder "
                        + "without empty, '.' or '..' parts, but it is '" + file + "'.");
            }
        }
    }
}
