package dev.winnow.validate;

import dev.winnow.datasource.MediaKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the sample a prediction file belongs to: an image by its path without extension
 * ({@code a/b/img} for {@code a/b/img.png}), a video by its own path ({@code a/v.mp4}, named by a
 * frame file). Built once per validation; read-only afterwards, so safe to share between threads.
 */
final class SampleIndex {
    private final List<String> samples;
    private final Map<String, Integer> imageByBase;
    private final Map<String, Integer> videoByPath;

    SampleIndex(List<String> samples) {
        this.samples = samples;
        this.imageByBase = new HashMap<>(samples.size() * 2);
        this.videoByPath = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String sample = samples.get(i);
            Optional<MediaKind> kind = MediaKind.of(sample);
            if (kind.isEmpty()) {
                continue;
            }
            if (kind.get() == MediaKind.IMAGE) {
                // With img.png and img.jpg side by side only the first (sorted) can have predictions.
                imageByBase.putIfAbsent(sample.substring(0, sample.lastIndexOf('.')), i);
            } else {
                videoByPath.put(sample, i);
            }
        }
    }

    int size() {
        return samples.size();
    }

    String sample(int index) {
        return samples.get(index);
    }

    boolean isVideo(int index) {
        return MediaKind.of(samples.get(index)).orElse(MediaKind.IMAGE) == MediaKind.VIDEO;
    }

    /** Index of the image whose path without extension is {@code base}, or -1. */
    int image(String base) {
        Integer i = imageByBase.get(base);
        return i == null ? -1 : i;
    }

    /** Index of the video at {@code path}, or -1. */
    int video(String path) {
        Integer i = videoByPath.get(path);
        return i == null ? -1 : i;
    }
}
