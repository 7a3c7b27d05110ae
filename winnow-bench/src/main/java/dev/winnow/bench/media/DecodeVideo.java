package dev.winnow.bench.media;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.VideoDecoders;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decodes one video in a single pass at a reduced size, the way a run reads frames, and prints one
 * line: frames, seconds and frames per second. The whole-process counterpart of
 * {@link MediaBenchmark#videoOnePass}, for timing beside ffmpeg.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.media.DecodeVideo VIDEO.mp4 224}
 */
public final class DecodeVideo {
    private DecodeVideo() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DecodeVideo VIDEO TARGET_SHORT_SIDE");
            System.exit(2);
        }
        Path video = Path.of(args[0]).toAbsolutePath();
        int target = Integer.parseInt(args[1]);
        LocalDatasource folder =
                LocalDatasource.at(Objects.requireNonNull(video.getParent(), "an absolute path has a parent"));
        long start = System.nanoTime();
        long[] checksum = {0};
        int[] frames = {0};
        int[] size = {0, 0};
        VideoDecoders.standard()
                .decode(folder, video.getFileName().toString(), FrameRequest.reducedTo(target), (index, frame) -> {
                    frames[0]++;
                    size[0] = frame.image().getWidth();
                    size[1] = frame.image().getHeight();
                    checksum[0] += frame.image().getRGB(size[0] / 2, size[1] / 2); // keeps the work observable
                    return true;
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "frames=%d size=%dx%d seconds=%.3f fps=%.1f checksum=%d%n",
                frames[0], size[0], size[1], seconds, frames[0] / seconds, checksum[0]);
    }
}
