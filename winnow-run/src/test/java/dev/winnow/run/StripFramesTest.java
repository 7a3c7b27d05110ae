package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.report.FrameThumbnail;
import dev.winnow.report.Thumbnail;
import dev.winnow.report.VideoStrip;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report's strip of a video shows its selected frames among the evenly spaced ones. */
class StripFramesTest {
    private static Thumbnail picture(String sample) {
        return new Thumbnail(sample, "image/jpeg", new byte[] {1, 2, 3}, 4, 3, sample);
    }

    /** Frames 0, 9, …, 99 of v.mp4 (100 frames), as the embedding pass keeps them. */
    private static List<FrameThumbnail> evenlySpaced() {
        return IntStream.rangeClosed(0, 11)
                .map(j -> j * 9)
                .mapToObj(f -> new FrameThumbnail(f, picture("plain-" + f)))
                .toList();
    }

    private static List<Integer> frames(VideoStrip strip) {
        return strip.frames().stream().map(FrameThumbnail::frame).toList();
    }

    @Test
    void selectedFramesJoinTheStrip_withTheirOwnPictures() {
        VideoStrip strip = new VideoStrip("v.mp4", 100, 1, List.of(5, 18, 50), evenlySpaced());
        List<Thumbnail> selected =
                List.of(picture("v-005-mp4.png"), picture("v-018-mp4.png"), picture("v-050-mp4.png"));

        VideoStrip shown = RunReportBuilder.withSelectedFrames(strip, selected);

        assertThat(frames(shown)).containsExactly(0, 5, 9, 18, 27, 36, 45, 50, 54, 63, 72, 81, 90, 99);
        assertThat(shown.frames().get(3).image().sample()).isEqualTo("v-018-mp4.png");
        assertThat(shown.frames().get(2).image().sample()).isEqualTo("plain-9");
        assertThat(shown.selectedFrames()).containsExactly(5, 18, 50);
    }

    @Test
    void whenNotAllFit_evenlySpacedFramesAreThinnedAcrossTheVideo() {
        List<Integer> selectedFrames = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        List<Thumbnail> selected = new ArrayList<>();
        selectedFrames.forEach(f -> selected.add(picture(String.format("v-%03d-mp4.png", f))));
        VideoStrip strip = new VideoStrip("v.mp4", 100, 1, selectedFrames, evenlySpaced());

        VideoStrip shown = RunReportBuilder.withSelectedFrames(strip, selected);

        // Eight selected frames leave room for 8 of the 12 others: positions 0, 1, 3, 4, 6, 7, 9, 10 (j * 12 / 8).
        assertThat(frames(shown)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 27, 36, 54, 63, 81, 90);
    }

    @Test
    void aSelectedFrameWithoutAPicture_staysOnTheTimelineOnly() {
        VideoStrip strip = new VideoStrip("v.mp4", 100, 1, List.of(40), evenlySpaced());

        VideoStrip shown = RunReportBuilder.withSelectedFrames(strip, List.of());

        assertThat(frames(shown)).containsExactly(0, 9, 18, 27, 36, 45, 54, 63, 72, 81, 90, 99);
        assertThat(shown.selectedFrames()).containsExactly(40);
    }
}
