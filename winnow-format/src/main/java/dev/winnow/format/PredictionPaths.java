package dev.winnow.format;

/**
 * Where a sample's predictions live: image {@code a/b/img.png} of task {@code t} has the file
 * {@code .lightly/predictions/t/a/b/img.json}. Frames name theirs through {@link FrameName}.
 */
public final class PredictionPaths {
    /** The predictions folder, relative to the output location's root. */
    public static final String ROOT = ".lightly/predictions";

    private PredictionPaths() {
    }

    /** {@code a/b/img.png} → {@code a/b/img}: the path without its extension (a dot in a folder name does not count). */
    public static String stem(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') + 1 ? path.substring(0, dot) : path;
    }

    /** The prediction file of {@code sample} relative to its task folder: {@code a/b/img.json}. */
    public static String fileInTask(String sample) {
        return stem(sample) + ".json";
    }

    /** The prediction file of {@code sample} in {@code task}, relative to the output root. */
    public static String file(String task, String sample) {
        return ROOT + "/" + task + "/" + fileInTask(sample);
    }
}
