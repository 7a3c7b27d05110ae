package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionPathsTest {

    @Test
    void file_keepsSubfoldersAndDropsTheExtension() {
        assertThat(PredictionPaths.file("my_classification_task", "my_subdir/my_image.png"))
                .isEqualTo(".lightly/predictions/my_classification_task/my_subdir/my_image.json");
    }

    @Test
    void stem_ignoresDotsInFolders_andKeepsInnerDots() {
        assertThat(PredictionPaths.stem("a/b.c/img.tar.png")).isEqualTo("a/b.c/img.tar");
        assertThat(PredictionPaths.stem("a/b.c/README")).isEqualTo("a/b.c/README");
        assertThat(PredictionPaths.stem("a/.hidden")).isEqualTo("a/.hidden");
    }
}
