package dev.winnow.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The ffmpeg and ffprobe programs of the machine: an independent encoder and decoder for video tests. */
public final class Ffmpeg {
    private Ffmpeg() {}

    /** True when {@code ffmpeg} is on the PATH. */
    public static boolean installed() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "ffmpeg"))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test without ffmpeg, or fails it under {@code CI=true}. */
    public static void require() {
        TestEnvironment.require(installed(), "ffmpeg is not installed");
    }

    /** Runs {@code ffmpeg -v error -y ARGUMENTS}; fails the test with ffmpeg's log when it fails. */
    public static void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(Arrays.asList(arguments));
        execute(command);
    }

    /** Runs {@code ffprobe -v error ARGUMENTS} and returns what it printed. */
    public static String probe(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(Arrays.asList(arguments));
        return execute(command);
    }

    /**
     * The frames ffmpeg itself decodes from {@code video}, in its {@code -vsync passthrough} order
     * (edit lists applied, no frame repeated or dropped), each as packed RGB bytes.
     */
    public static List<byte[]> rgbFrames(Path video, int width, int height) throws IOException, InterruptedException {
        Path raw = Files.createTempFile(video.toAbsolutePath().getParent(), "frames", ".rgb");
        try {
            run("-i", video.toString(), "-f", "rawvideo", "-pix_fmt", "rgb24", "-vsync", "passthrough", raw.toString());
            byte[] all = Files.readAllBytes(raw);
            int frameBytes = width * height * 3;
            if (all.length % frameBytes != 0) {
                fail("ffmpeg decoded " + all.length + " bytes from " + video + ", not whole frames of " + width + "x"
                        + height + ".");
            }
            List<byte[]> frames = new ArrayList<>();
            for (int offset = 0; offset < all.length; offset += frameBytes) {
                frames.add(Arrays.copyOfRange(all, offset, offset + frameBytes));
            }
            return frames;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** The number of video samples stored in {@code video}, shown or not (ffprobe counts its packets). */
    public static int storedFrames(Path video) throws IOException, InterruptedException {
        return Integer.parseInt(probe(
                        "-select_streams",
                        "v:0",
                        "-count_packets",
                        "-show_entries",
                        "stream=nb_read_packets",
                        "-of",
                        "csv=p=0",
                        video.toString())
                .trim());
    }

    private static String execute(List<String> command) throws IOException, InterruptedException {
        require();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 120 seconds.");
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + log);
        }
        return log;
    }
}
