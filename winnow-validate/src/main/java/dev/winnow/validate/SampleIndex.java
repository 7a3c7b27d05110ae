package dev.winnow.validate;

import dev.winnow.datasource.MediaKind;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.SampleNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the sample a prediction file belongs to: an image by its path without extension
 * ({@code a/b/img} for {@code a/b/img.png}), a video by its own path ({@code a/v.mp4}, named by a
 * frame file). Names are compared in one Unicode normalisation ({@link SampleNames}). Built once per
 * validation; read-only afterwards, so safe to share between threads.
 */
final class SampleIndex {
    private final List<String> samples;
    private final Map<String, Integer> imageByBase;
    private final Map<String, Integer> videoByPath;
    /** The images of each path without extension that more than one image has (img.jpg and img.jpeg). */
    private final Map<String, List<Integer>> sharedBases;

    SampleIndex(List<String> samples) {
        this.samples = samples;
        this.imageByBase = new HashMap<>(samples.size() * 2);
        this.videoByPath = new HashMap<>();
        Map<String, List<Integer>> shared = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String sample = samples.get(i);
            Optional<MediaKind> kind = MediaKind.of(sample);
            if (kind.isEmpty()) {
                continue;
            }
            if (kind.get() == MediaKind.IMAGE) {
                String base = SampleNames.normalised(PredictionsLayout.stem(sample));
                Integer first = imageByBase.putIfAbsent(base, i);
                if (first != null) {
                    shared.computeIfAbsent(base, b -> new ArrayList<>(List.of(first)))
                            .add(i);
                }
            } else {
                videoByPath.put(SampleNames.normalised(sample), i);
            }
        }
        this.sharedBases = shared;
    }

    /** The images (two or more) whose path without extension is {@code base}, or an empty list. */
    List<Integer> imagesSharing(String base) {
        return sharedBases.getOrDefault(SampleNames.normalised(base), List.of());
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
        Integer i = imageByBase.get(SampleNames.normalised(base));
        return i == null ? -1 : i;
    }

    /** Index of the video at {@code path}, or -1. */
    int video(String path) {
        Integer i = videoByPath.get(SampleNames.normalised(path));
        return i == null ? -1 : i;
    }
}
