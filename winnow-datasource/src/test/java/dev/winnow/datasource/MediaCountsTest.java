package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaCountsTest {
    @Test
    void describe_imagesAndVideosWithTheirFrames() {
        assertThat(new MediaCounts(10, 2, 340).describe()).isEqualTo("10 images, 2 videos with 340 frames");
        assertThat(new MediaCounts(1, 1, 1).describe()).isEqualTo("1 image, 1 video with 1 frame");
        assertThat(new MediaCounts(0, 1, 60).describe()).isEqualTo("0 images, 1 video with 60 frames");
        assertThat(new MediaCounts(12, 0, 0).describe()).isEqualTo("12 images");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new MediaCounts(-1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Counts of images, videos and frames cannot be negative, but were -1, 0 and 0.");
    }
}
