package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubsamplingTest {
    @Test
    void forShortSide_isTheLargestFactorKeepingTheTarget() {
        ImageSize photo = new ImageSize(4000, 3000);

        assertThat(Subsampling.forShortSide(photo, 224)).isEqualTo(13); // 3000 / 13 = 230.7 >= 224; / 14 = 214
        assertThat(Subsampling.reduced(photo, 13)).isEqualTo(new ImageSize(308, 231));
        assertThat(Subsampling.forShortSide(photo, 0)).isEqualTo(1);
        assertThat(Subsampling.forShortSide(new ImageSize(100, 100), 224)).isEqualTo(1);
        assertThat(Subsampling.forShortSide(new ImageSize(448, 1000), 224)).isEqualTo(2);
    }

    @Test
    void forSize_keepsBothSides() {
        assertThat(Subsampling.forSize(new ImageSize(1000, 300), new ImageSize(100, 100)))
                .isEqualTo(3);
        assertThat(Subsampling.forSize(new ImageSize(50, 50), new ImageSize(100, 100)))
                .isEqualTo(1);
    }

    @Test
    void negativeTarget_isRefused() {
        assertThatThrownBy(() -> Subsampling.forShortSide(new ImageSize(1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The target short side must be 0 (full size) or more, but was -1.");
        assertThatThrownBy(() -> new FrameRequest(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The frame stride must be at least 1, but was 0.");
    }

    @Test
    void frameRequest_wantsEveryStrideThFrame() {
        FrameRequest request = FrameRequest.reducedTo(64).withStride(3);

        assertThat(request.wants(0)).isTrue();
        assertThat(request.wants(2)).isFalse();
        assertThat(request.wants(3)).isTrue();
        assertThat(request.targetShortSide()).isEqualTo(64);
    }
}
