package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameNameTest {

    @Test
    void frame99of200_isPaddedToThreeDigits() {
        assertThat(FrameName.of("my_video.mp4", 99, 200).predictionPath()).isEqualTo("my_video-099-mp4.json");
    }

    @Test
    void frame99of1000_isPaddedToFourDigits() {
        assertThat(FrameName.of("my_video.mp4", 99, 1000).predictionPath()).isEqualTo("my_video-0099-mp4.json");
    }

    @Test
    void subdirectoryIsKept_andSampleNameEndsInPng() {
        FrameName frame = FrameName.of("my_subdir/my_video.mp4", 99, 200);
        assertThat(frame.predictionPath()).isEqualTo("my_subdir/my_video-099-mp4.json");
        assertThat(frame.sampleName()).isEqualTo("my_subdir/my_video-099-mp4.png");
    }

    @Test
    void treeVideoWith68Frames_usesTwoDigits() {
        assertThat(FrameName.of("street/tree.mp4", 0, 68).base()).isEqualTo("street/tree-00-mp4");
        assertThat(FrameName.of("street/tree.mp4", 67, 68).base()).isEqualTo("street/tree-67-mp4");
    }

    @Test
    void parse_splitsVideoAndIndex_andChecksPadding() {
        FrameName.Parsed parsed = FrameName.parse("a/my-video-0099-mp4").orElseThrow();
        assertThat(parsed.video()).isEqualTo("a/my-video.mp4");
        assertThat(parsed.index()).isEqualTo(99);
        assertThat(parsed.paddedFor(1000)).isTrue();
        assertThat(parsed.paddedFor(200)).isFalse();
        assertThat(FrameName.parse("plain_image")).isEmpty();
    }

    @Test
    void indexOutOfRange_isRefusedWithTheRange() {
        assertThatThrownBy(() -> FrameName.of("v.mp4", 68, 68))
                .hasMessage("Frame 68 does not exist in v.mp4, which has 68 frames (0 to 67).");
    }
}
