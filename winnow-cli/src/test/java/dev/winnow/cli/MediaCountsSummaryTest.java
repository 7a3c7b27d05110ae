package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testsupport.Ffmpeg;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, scores and run say the images, videos and frames of the same input the same way. */
class MediaCountsSummaryTest {
    private static final String CLASSIFIED = """
            {"predictions": [{"category_id": 0, "probabilities": [0.6, 0.4]}]}""";

    @TempDir
    Path tmp;

    private Path input;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Two images and a five-frame video; predictions for one image and the video's first two frames. */
    @BeforeEach
    void inputWithImagesAndAVideo() throws Exception {
        input = tmp.resolve("data");
        Files.createDirectories(input.resolve(".lightly/predictions/cls"));
        image(input.resolve("a.png"), Color.RED);
        image(input.resolve("b.png"), Color.BLUE);
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=64x48:rate=10",
                "-frames:v",
                "5",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                input.resolve("clip.mp4").toString());
        Files.writeString(input.resolve(".lightly/predictions/tasks.json"), "[\"cls\"]");
        Files.writeString(input.resolve(".lightly/predictions/cls/schema.json"), """
                {"task_type": "classification", "categories": [{"id": 0, "name": "cat"}, {"id": 1, "name": "dog"}]}""");
        Files.writeString(input.resolve(".lightly/predictions/cls/a.json"), CLASSIFIED);
        Files.writeString(input.resolve(".lightly/predictions/cls/clip-0-mp4.json"), CLASSIFIED);
        Files.writeString(input.resolve(".lightly/predictions/cls/clip-1-mp4.json"), CLASSIFIED);
    }

    @Test
    void validate_countsTheVideoOnceAndSaysItsFrames() {
        int exit = run("validate", "--input", input.toString());

        assertThat(out.toString())
                .endsWith("summary: 1 task, 3 files checked, 3 valid, 0 invalid, 0 errors, 1 warning, "
                        + "1 sample without predictions (of 3 samples: 2 images, 1 video with 5 frames).\n"
                        + "The predictions are valid.\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void scores_saysTheScoredFramesAndTheirVideo() {
        int exit = run("scores", "--input", input.toString(), "--task", "cls");

        assertThat(err.toString())
                .isEqualTo("Scored 3 samples (1 image, 1 video with 2 frames) of task cls. "
                        + "4 samples have no prediction file.\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void run_saysTheListedFramesAndTheirVideo() throws IOException {
        Files.writeString(tmp.resolve("run.json"), """
                {"selection": {"n_samples": 2, "strategies": [
                  {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}}""");

        int exit = run(
                "run",
                "--input",
                input.toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "m",
                "--threads",
                "1");

        assertThat(out.toString())
                .contains("\n  samples:     7 listed (2 images, 1 video with 5 frames), 7 processed, "
                        + "0 known from earlier runs, 0 unreadable\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    private static void image(Path file, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
