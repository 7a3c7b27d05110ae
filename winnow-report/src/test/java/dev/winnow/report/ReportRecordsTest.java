package dev.winnow.report;

import static dev.winnow.report.ReportFixtures.frame;
import static dev.winnow.report.ReportFixtures.picture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportRecordsTest {

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the constructor's own check must refuse it
    void frameThumbnail_rejectsNegativeFrameAndMissingImage() {
        assertThatThrownBy(() -> new FrameThumbnail(-1, picture("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A frame index counts from 0, but -1 was given.");
        assertThatThrownBy(() -> new FrameThumbnail(3, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("The thumbnail of frame 3 is missing.");
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the constructor's own check must refuse it
    void videoStrip_validatesCountsAndFrames() {
        assertThatThrownBy(() -> new VideoStrip(" ", 1, 1, List.of(), List.of()))
                .hasMessage("A video strip needs the video's name, but it is blank.");
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 0, 1, List.of(), List.of()))
                .hasMessage("Video v.mp4 has 0 frames; a strip needs at least one frame.");
        assertThatThrownBy(() -> new VideoStrip("a.b/v", 5, 1, List.of(), List.of()))
                .hasMessage("The video name a.b/v has no extension; frame names need it.");
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 5, 0, List.of(), List.of()))
                .hasMessage("Video v.mp4 has frame stride 0; the stride must be at least 1.");
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 5, 1, List.of(1, 5), List.of()))
                .hasMessage("Video v.mp4 has frames 0 to 4, but its selected frame 5 is outside them.");
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 5, 1, List.of(2, 2), List.of()))
                .hasMessage(
                        "The selected frames of video v.mp4 must be in strictly increasing order, but 2 follows 2.");
        assertThatThrownBy(() ->
                        new VideoStrip("v.mp4", 5, 1, List.of(), List.of(frame("v.mp4", 3, 5), frame("v.mp4", 1, 5))))
                .hasMessage(
                        "The frame thumbnails of video v.mp4 must be in strictly increasing order, but 1 follows 3.");
        List<FrameThumbnail> seventeen = new ArrayList<>();
        for (int f = 0; f < 17; f++) {
            seventeen.add(frame("v.mp4", f, 20));
        }
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 20, 1, List.of(), seventeen))
                .hasMessage("Video v.mp4 has 17 frame thumbnails; a strip holds at most 16.");
        assertThatThrownBy(() -> new VideoStrip("v.mp4", 5, 1, null, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("The selected frames of v.mp4 are missing.");
    }

    @Test
    void videoStrip_copiesItsListsAndNamesFrames() {
        List<Integer> selected = new ArrayList<>(List.of(0, 12));
        VideoStrip strip = new VideoStrip("street/tree.mp4", 68, 4, selected, List.of());
        selected.add(20);

        assertThat(strip.selectedFrames()).containsExactly(0, 12);
        assertThat(strip.isSelected(12)).isTrue();
        assertThat(strip.isSelected(4)).isFalse();
        assertThat(strip.frameSample(7)).isEqualTo("street/tree-07-mp4.png");
        assertThatThrownBy(() -> strip.selectedFrames().add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stripFrames_allSamplesOrSixteenEvenlySpaced() {
        assertThat(VideoStrip.stripFrames(68, 4))
                .containsExactly(0, 4, 8, 12, 16, 20, 24, 28, 36, 40, 44, 48, 52, 56, 60, 64);
        assertThat(VideoStrip.stripFrames(68, 1))
                .containsExactly(0, 4, 9, 13, 18, 22, 27, 31, 36, 40, 45, 49, 54, 58, 63, 67);
        assertThat(VideoStrip.stripFrames(10, 3)).containsExactly(0, 3, 6, 9);
        assertThat(VideoStrip.stripFrames(64, 4))
                .containsExactly(0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60);
        // Twelve of 68: round(j * 67 / 11).
        assertThat(VideoStrip.stripFrames(68, 1, 12)).containsExactly(0, 6, 12, 18, 24, 30, 37, 43, 49, 55, 61, 67);
        assertThat(VideoStrip.stripFrames(0, 1)).isEmpty();
        assertThat(VideoStrip.stripFrames(Integer.MAX_VALUE, 1)).hasSize(16).endsWith(Integer.MAX_VALUE - 1);
        assertThatThrownBy(() -> VideoStrip.stripFrames(10, 0))
                .hasMessage("A strip needs a frame count of 0 or more, a stride of 1 or more and 2 to 16 "
                        + "frames, but got 10 frames, stride 0 and 16 frames.");
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the constructor's own check must refuse it
    void cropThumbnail_validatesScoreAndFile() {
        assertThatThrownBy(() -> new CropThumbnail("c", "p.jpg", "car", 1.5, "crops/d/c.png", picture("c")))
                .hasMessage("Crop c has score 1.5; a score lies in [0, 1].");
        assertThatThrownBy(() -> new CropThumbnail("c", "p.jpg", "car", Double.NaN, "crops/d/c.png", picture("c")))
                .hasMessage("Crop c has score NaN; a score lies in [0, 1].");
        assertThatThrownBy(() -> new CropThumbnail("c", "p.jpg", "car", 0.5, "/tmp/c.png", picture("c")))
                .hasMessage("The file of crop c must be a path relative to the run folder with / "
                        + "separators, but it is '/tmp/c.png'.");
        assertThatThrownBy(() -> new CropThumbnail("c", "p.jpg", "car", 0.5, "crops\\c.png", picture("c")))
                .hasMessage("The file of crop c must be a path relative to the run folder with / "
                        + "separators, but it is 'crops\\c.png'.");
        assertThatThrownBy(() -> new CropThumbnail("c", "p.jpg", "car", 0.5, "crops/../../c.png", picture("c")))
                .hasMessage("The file of crop c must be a path inside the run folder without empty, '.' or '..' parts, "
                        + "but it is 'crops/../../c.png'.");
        assertThatThrownBy(() -> new CropThumbnail("c", null, "car", 0.5, "crops/c.png", picture("c")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("The parent sample of crop c is missing.");
    }

    @Test
    void objectLevelSummary_validatesCountsAndThumbnails() {
        CropThumbnail crop = new CropThumbnail("c", "p.jpg", "car", 0.5, "crops/d/c.png", picture("c"));
        assertThatThrownBy(() -> new ObjectLevelSummary("", 0.1, 1, 1, List.of()))
                .hasMessage("An object-level summary needs the task's name, but it is blank.");
        assertThatThrownBy(() -> new ObjectLevelSummary("d", -0.1, 1, 1, List.of()))
                .hasMessage("The padding of task d is -0.1; it must be a finite fraction of at least 0.");
        assertThatThrownBy(() -> new ObjectLevelSummary("d", Double.POSITIVE_INFINITY, 1, 1, List.of()))
                .hasMessage("The padding of task d is Infinity; it must be a finite fraction of at least 0.");
        assertThatThrownBy(() -> new ObjectLevelSummary("d", 0.1, -1, 1, List.of()))
                .hasMessage("Task d has -1 crops from 1 samples; counts cannot be negative.");
        assertThatThrownBy(() -> new ObjectLevelSummary("d", 0.1, 1, 1, Collections.nCopies(49, crop)))
                .hasMessage("Task d has 49 crop thumbnails; a report shows at most 48.");
        assertThatThrownBy(() -> new ObjectLevelSummary("d", 0.1, 1, 1, List.of(crop, crop)))
                .hasMessage("Task d has 2 crop thumbnails but only 1 crops.");
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the constructor's own check must refuse it
    void runReport_oldConstructorHasNoVideosAndNoObjectLevel_andVideosAreUnique() {
        RunReport old = HtmlReportTest.report(List.of(), List.of());
        assertThat(old.videos()).isEmpty();
        assertThat(old.objectLevel()).isEmpty();

        VideoStrip v = new VideoStrip("v.mp4", 3, 1, List.of(), List.of());
        assertThatThrownBy(() -> ReportFixtures.report(List.of(), List.of(v, v), Optional.empty()))
                .hasMessage("Video v.mp4 has more than one strip in the report.");
        assertThatThrownBy(() -> ReportFixtures.report(List.of(), List.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("The report's object-level summary is missing; pass Optional.empty().");
    }
}
