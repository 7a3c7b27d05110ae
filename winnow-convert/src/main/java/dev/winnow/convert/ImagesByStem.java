package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.format.PredictionsLayout;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The images at the top of an images folder by their stem, for converters whose inputs (masks,
 * probability maps) name a sample by stem only: {@code a.png} finds {@code a.jpg}. The first of
 * two images with one stem, in listing order, is the one found.
 */
public final class ImagesByStem {
    private ImagesByStem() {}

    /** Stem to image path for every image listed at the root of {@code images}. */
    public static Map<String, String> of(Datasource images) throws IOException {
        Map<String, String> byStem = new HashMap<>();
        for (String path : images.list("")) {
            if (MediaKind.of(path).filter(k -> k == MediaKind.IMAGE).isPresent()) {
                byStem.putIfAbsent(PredictionsLayout.stem(path), path);
            }
        }
        return byStem;
    }
}
