package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testsupport.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard build reads the videos users download (AVI, Matroska, WebM as well as MP4), made
 * here by the ffmpeg program, and its run summary names the decoder that read them.
 */
class VideoFormatsRunTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 4, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]},
             "seed": 1}
            """;

    @TempDir
    Path tmp;

    @Test
    void aviMkvWebmAndMp4_areReadByFfmpeg() throws Exception {
        Path input = tmp.resolve("videos");
        Files.createDirectories(input);
        String source = "testsrc=size=64x48:rate=10";
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                source,
                "-frames:v",
                "5",
                "-c:v",
                "mjpeg",
                input.resolve("dashcam.avi").toString());
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                source,
                "-frames:v",
                "6",
                "-c:v",
                "mpeg4",
                input.resolve("clip.mkv").toString());
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                source,
                "-frames:v",
                "7",
                "-c:v",
                "libvpx",
                "-b:v",
                "200k",
                input.resolve("web.webm").toString());
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                source,
                "-frames:v",
                "8",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                input.resolve("phone.mp4").toString());
        Files.writeString(tmp.resolve("run.json"), CONFIG);
        Path output = tmp.resolve("out");
        Finished finished = Finished.inProcess(
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "v",
                "--threads",
                "2");

        assertThat(finished.err()).isEmpty();
        assertThat(finished.exit()).isEqualTo(ExitCodes.OK);
        Path runFolder = output.resolve(".winnow/runs/v");
        assertThat(finished.out())
                .isEqualTo("Run v finished.\n"
                        + "  samples:     26 listed (0 images, 4 videos with 26 frames), 26 processed, 0 "
                        + "known from earlier runs, 0 unreadable\n"
                        + "  videos:      4 read by FFmpeg\n"
                        + "  predictions: 0 files, 0 invalid; 0 errors, 0 warnings\n"
                        + "  selected:    4 of 26 candidates (picked the requested number of samples)\n"
                        + "  results:     " + runFolder + "\n"
                        + "  report:      " + runFolder.resolve("report.html") + "\n"
                        + "note: no prediction files were found in " + output.resolve(".lightly/predictions")
                        + "; the run used embeddings and metadata only.\n");
    }
}
