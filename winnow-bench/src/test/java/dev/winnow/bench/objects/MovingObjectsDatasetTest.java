package dev.winnow.bench.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.format.BoundingBox;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.VideoDecoders;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.RunSummary;
import dev.winnow.run.config.ObjectLevelOptions;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import dev.winnow.validate.MediaFacts;
import dev.winnow.validate.PredictionsValidator;
import dev.winnow.validate.ValidationReport;
import dev.winnow.validate.ValidationSettings;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingObjectsDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void framesAreSpreadEvenlyOverAsFewClipsAsTheClipLengthAllows() {
        assertThat(MovingObjectsDataset.clips(20, 42))
                .extracting(MovingObjectsDataset.Clip::frames)
                .containsExactly(20);
        assertThat(MovingObjectsDataset.clips(300, 42))
                .extracting(MovingObjectsDataset.Clip::frames)
                .containsExactly(150, 150);
        assertThat(MovingObjectsDataset.clips(301, 42))
                .extracting(MovingObjectsDataset.Clip::frames)
                .containsExactly(101, 100, 100);
        assertThat(MovingObjectsDataset.clips(301, 42))
                .extracting(MovingObjectsDataset.Clip::video)
                .containsExactly("videos/clip1.mp4", "videos/clip2.mp4", "videos/clip3.mp4");
        assertThat(MovingObjectsDataset.clips(300, 42).get(1).frame(7).predictionPath())
                .isEqualTo("videos/clip2-007-mp4.json");
        assertThat(MovingObjectsDataset.clips(20, 42).get(0).frame(7).sampleName())
                .isEqualTo("videos/clip1-07-mp4.png");
    }

    @Test
    void aDatasetWithoutFrames_isRefused() {
        assertThatThrownBy(() -> MovingObjectsDataset.clips(0, 42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The dataset needs at least 1 frame, but 0 were asked for.");
    }

    @Test
    void aRectangleMovesInAStraightLine_andBouncesOffTheFramesEdges() {
        MovingObjectsDataset.MovingObject object =
                new MovingObjectsDataset.MovingObject(0, 100, 50, 530, 10, 5, -4, Color.RED);
        assertThat(object.box(0)).isEqualTo(new BoundingBox(530, 10, 100, 50));
        assertThat(object.box(2)).isEqualTo(new BoundingBox(540, 2, 100, 50));
        // x would be 550 (10 past the last position, 540) and y -6: both come back from the edge.
        assertThat(object.box(4)).isEqualTo(new BoundingBox(530, 6, 100, 50));
    }

    @Test
    void everyBoxLiesInsideTheFrame_withSidesOf20To200Pixels_andThreeToFiveBoxesPerFrame() {
        for (MovingObjectsDataset.Clip clip : MovingObjectsDataset.clips(600, 3)) {
            assertThat(clip.objects().size()).isBetween(3, 5);
            for (int t = 0; t < clip.frames(); t++) {
                for (MovingObjectsDataset.MovingObject object : clip.objects()) {
                    BoundingBox box = object.box(t);
                    assertThat(box.x()).isBetween(0.0, 640.0 - box.width());
                    assertThat(box.y()).isBetween(0.0, 480.0 - box.height());
                    assertThat(box.width()).isBetween(20.0, 200.0);
                    assertThat(box.height()).isBetween(20.0, 200.0);
                }
            }
        }
    }

    @Test
    void theSameSeed_givesTheSameFilesAndPixels_andTheDatasetValidatesWithoutDiagnostics() throws Exception {
        MovingObjectsDataset.Summary first = MovingObjectsDataset.generate(20, tmp.resolve("a"), 42);
        MovingObjectsDataset.Summary second = MovingObjectsDataset.generate(20, tmp.resolve("b"), 42);

        int objects = MovingObjectsDataset.clips(20, 42).get(0).objects().size();
        assertThat(first).isEqualTo(new MovingObjectsDataset.Summary(1, 20, 20 * objects, 2, 2 * objects));
        assertThat(second).isEqualTo(first);
        List<String> files = files(tmp.resolve("a"));
        assertThat(files)
                .hasSize(1 + 2 + 20 + 2)
                .contains(
                        "videos/clip1.mp4",
                        ".lightly/predictions/tasks.json",
                        ".lightly/predictions/objects/schema.json",
                        ".lightly/predictions/objects/videos/clip1-19-mp4.json",
                        "run-frames.json",
                        "run-objects.json");
        assertThat(files(tmp.resolve("b"))).isEqualTo(files);
        for (String file : files) {
            if (!file.endsWith(".mp4")) {
                assertThat(Files.mismatch(
                                tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)))
                        .as(file)
                        .isEqualTo(-1L);
            }
        }
        // The MP4 headers carry the time of writing, so the videos are compared by their decoded pixels.
        List<DecodedImage> a = decodeAll(tmp.resolve("a"), "videos/clip1.mp4");
        List<DecodedImage> b = decodeAll(tmp.resolve("b"), "videos/clip1.mp4");
        assertThat(a).hasSize(20);
        assertThat(b).hasSize(20);
        for (int t = 0; t < 20; t++) {
            assertThat(pixels(b.get(t))).as("frame %d", t).isEqualTo(pixels(a.get(t)));
        }
        MovingObjectsDataset.generate(20, tmp.resolve("c"), 43);
        assertThat(pixels(decodeAll(tmp.resolve("c"), "videos/clip1.mp4").get(0)))
                .isNotEqualTo(pixels(a.get(0)));
        assertThat(Files.mismatch(
                        tmp.resolve("a/.lightly/predictions/objects/videos/clip1-00-mp4.json"),
                        tmp.resolve("c/.lightly/predictions/objects/videos/clip1-00-mp4.json")))
                .isNotEqualTo(-1L);

        LocalDatasource data = LocalDatasource.at(tmp.resolve("a"));
        ValidationReport report =
                new PredictionsValidator(MediaFacts.fromHeaders(), ValidationSettings.defaults()).validate(data, data);
        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.errorCount()).isZero();
        assertThat(report.warningCount()).isZero();
        assertThat(report.sampleCount()).isEqualTo(1); // the input's files: one video
        assertThat(report.filesChecked()).isEqualTo(20);
        assertThat(report.validFiles()).isEqualTo(20);
    }

    @Test
    void eachDecodedFrame_showsEveryRectangleWhereItsBoxSays() throws Exception {
        Path dir = tmp.resolve("data");
        MovingObjectsDataset.generate(6, dir, 42);
        MovingObjectsDataset.Clip clip = MovingObjectsDataset.clips(6, 42).get(0);
        List<DecodedImage> frames = decodeAll(dir, clip.video());

        assertThat(frames).hasSize(6);
        int checked = 0;
        for (int t = 0; t < frames.size(); t++) {
            assertThat(frames.get(t).image().getWidth()).isEqualTo(640);
            assertThat(frames.get(t).image().getHeight()).isEqualTo(480);
            List<MovingObjectsDataset.MovingObject> objects = clip.objects();
            for (int k = 0; k < objects.size(); k++) {
                BoundingBox box = objects.get(k).box(t);
                int cx = (int) (box.x() + box.width() / 2);
                int cy = (int) (box.y() + box.height() / 2);
                if (coveredByALaterObject(objects, k, t, cx, cy)) {
                    continue; // drawn over
                }
                Color pixel = new Color(frames.get(t).image().getRGB(cx, cy));
                Color expected = objects.get(k).colour();
                assertThat(pixel.getRed())
                        .as("frame %d object %d red", t, k)
                        .isCloseTo(expected.getRed(), Assertions.within(24));
                assertThat(pixel.getGreen())
                        .as("frame %d object %d green", t, k)
                        .isCloseTo(expected.getGreen(), Assertions.within(24));
                assertThat(pixel.getBlue())
                        .as("frame %d object %d blue", t, k)
                        .isCloseTo(expected.getBlue(), Assertions.within(24));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(6);
    }

    private static boolean coveredByALaterObject(
            List<MovingObjectsDataset.MovingObject> objects, int k, int t, int x, int y) {
        for (int j = k + 1; j < objects.size(); j++) {
            BoundingBox box = objects.get(j).box(t);
            if (x >= box.x() && x < box.x() + box.width() && y >= box.y() && y < box.y() + box.height()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void bothConfigurations_parse_andRunOverEveryFrameAndEveryBox() throws IOException {
        Path dir = tmp.resolve("data");
        MovingObjectsDataset.Summary summary = MovingObjectsDataset.generate(12, dir, 42);
        RunConfig frames = RunConfigParser.parse(
                Files.readString(dir.resolve(MovingObjectsDataset.FRAMES_CONFIG)), "run-frames.json", dir);
        RunConfig objects = RunConfigParser.parse(
                Files.readString(dir.resolve(MovingObjectsDataset.OBJECTS_CONFIG)), "run-objects.json", dir);
        assertThat(frames.objectLevel()).isEmpty();
        assertThat(objects.objectLevel()).contains(new ObjectLevelOptions("objects", 0.1));

        RunSummary framesRun = run(dir, frames, "frames");
        assertThat(lines(framesRun.runFolder().resolve("embeddings.csv"))).hasSize(12 + 1);
        assertThat(framesRun.selected()).hasSize(1); // 10% of 12, rounded
        assertThat(framesRun.errors()).isZero();
        assertThat(framesRun.warnings()).isZero();

        RunSummary objectsRun = run(dir, objects, "objects");
        assertThat(lines(objectsRun.runFolder().resolve("embeddings.csv"))).hasSize(summary.boxes() + 1);
        assertThat(lines(objectsRun.runFolder().resolve(RunPipeline.SELECTED_CROPS)))
                .hasSize(summary.cropsSelected() + 1);
        assertThat(objectsRun.selected()).hasSize(summary.cropsSelected());
        assertThat(objectsRun.errors()).isZero();
        assertThat(objectsRun.warnings()).isZero();
    }

    private static RunSummary run(Path dir, RunConfig config, String runId) throws IOException {
        LocalDatasource input = LocalDatasource.at(dir);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(dir), input);
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        return new RunPipeline(clock, Progress.NONE, 2)
                .run(new RunRequest(input, output, dir, config, Optional.of(runId)));
    }

    private static List<DecodedImage> decodeAll(Path dir, String video) throws Exception {
        List<DecodedImage> frames = new ArrayList<>();
        VideoDecoders.standard()
                .decode(LocalDatasource.at(dir), video, FrameRequest.everyFrame(), (i, frame) -> frames.add(frame));
        return frames;
    }

    private static int[] pixels(DecodedImage frame) {
        return frame.image()
                .getRGB(
                        0,
                        0,
                        frame.image().getWidth(),
                        frame.image().getHeight(),
                        null,
                        0,
                        frame.image().getWidth());
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
