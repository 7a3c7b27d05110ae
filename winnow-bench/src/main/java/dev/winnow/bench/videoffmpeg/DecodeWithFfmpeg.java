package dev.winnow.bench.videoffmpeg;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.video.ffmpeg.FfmpegVideoDecoder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decodes one video in a single pass at a reduced size and prints one line: decoder, frames,
 * seconds and frames per second. {@code ffmpeg} forces the FFmpeg decoder (also for H.264 MP4,
 * which a run gives to the built-in decoder); {@code standard} picks as a run does.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.videoffmpeg.DecodeWithFfmpeg ffmpeg VIDEO 224}
 */
public final class DecodeWithFfmpeg {
    private DecodeWithFfmpeg() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("ffmpeg") || args[0].equals("standard"))) {
            System.err.println("usage: DecodeWithFfmpeg ffmpeg|standard VIDEO TARGET_SHORT_SIDE");
            System.exit(2);
        }
        VideoDecoder decoder = args[0].equals("ffmpeg") ? new FfmpegVideoDecoder() : VideoDecoders.standard();
        Path video = Path.of(args[1]).toAbsolutePath();
        int target = Integer.parseInt(args[2]);
        LocalDatasource folder =
                LocalDatasource.at(Objects.requireNonNull(video.getParent(), "an absolute path has a parent"));
        long start = System.nanoTime();
        long[] checksum = {0};
        int[] frames = {0};
        int[] size = {0, 0};
        decoder.decode(folder, video.getFileName().toString(), FrameRequest.reducedTo(target), (index, frame) -> {
            frames[0]++;
            size[0] = frame.image().getWidth();
            size[1] = frame.image().getHeight();
            checksum[0] += frame.image().getRGB(size[0] / 2, size[1] / 2); // keeps the work observable
            return true;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "decoder=%s frames=%d size=%dx%d seconds=%.3f fps=%.1f checksum=%d%n",
                decoder.name(), frames[0], size[0], size[1], seconds, frames[0] / seconds, checksum[0]);
    }
}
