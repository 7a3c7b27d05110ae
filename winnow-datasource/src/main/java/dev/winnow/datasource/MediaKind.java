package dev.winnow.datasource;

import dev.winnow.format.PredictionsLayout;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Whether a file is an image or a video, judged by its extension. */
public enum MediaKind {
    IMAGE,
    VIDEO;

    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");
    public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "avi", "mkv", "webm");

    /** The kind of {@code path}, or empty when it is neither an image nor a video. */
    public static Optional<MediaKind> of(String path) {
        String ext = PredictionsLayout.extension(path).toLowerCase(Locale.ROOT);
        if (IMAGE_EXTENSIONS.contains(ext)) {
            return Optional.of(IMAGE);
        }
        if (VIDEO_EXTENSIONS.contains(ext)) {
            return Optional.of(VIDEO);
        }
        return Optional.empty();
    }
}
