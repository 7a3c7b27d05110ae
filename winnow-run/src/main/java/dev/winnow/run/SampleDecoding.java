package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a few samples again after the selection (for thumbnails and crop files): images in
 * parallel on the pool, each video's wanted frames in one pass. A sample that no longer decodes
 * is skipped: it decoded a moment ago, and only a picture is lost.
 */
final class SampleDecoding {
    /** Turns one decoded sample into a small result; called on pool threads. */
    @FunctionalInterface
    interface Mapper<R> {
        R apply(RunSample sample, DecodedImage image) throws IOException, MediaException;
    }

    private static final int CHUNK = 64;

    private final Datasource input;
    private final VideoDecoder videoDecoder;
    private final ExecutorService pool;

    SampleDecoding(Datasource input, VideoDecoder videoDecoder, ExecutorService pool) {
        this.input = input;
        this.videoDecoder = videoDecoder;
        this.pool = pool;
    }

    /** Each decodable sample's result by sample name, decoded so its short side is at least {@code side}. */
    <R> Map<String, R> map(List<RunSample> samples, int side, Mapper<R> mapper) throws IOException {
        Map<String, R> results = new HashMap<>();
        List<RunSample> images = samples.stream().filter(s -> !s.isFrame()).toList();
        for (int start = 0; start < images.size(); start += CHUNK) {
            List<RunSample> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
            List<Future<R>> futures = new ArrayList<>(chunk.size());
            for (RunSample image : chunk) {
                futures.add(pool.submit(() -> mapper.apply(image, ImageDecoder.decode(input, image.file(), side))));
            }
            for (int i = 0; i < chunk.size(); i++) {
                R result = await(futures.get(i), chunk.get(i).file());
                if (result != null) {
                    results.put(chunk.get(i).name(), result);
                }
            }
        }
        Map<String, Future<Map<String, R>>> videos = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunSample>> video :
                VideoPass.byVideo(samples).entrySet()) {
            videos.put(video.getKey(), pool.submit(() -> {
                Map<String, R> frames = new HashMap<>();
                VideoPass.decode(
                        videoDecoder,
                        input,
                        video.getValue(),
                        side,
                        (frame, image) -> frames.put(frame.name(), mapper.apply(frame, image)));
                return frames;
            }));
        }
        for (Map.Entry<String, Future<Map<String, R>>> video : videos.entrySet()) {
            Map<String, R> frames = await(video.getValue(), video.getKey());
            if (frames != null) {
                results.putAll(frames);
            }
        }
        return results;
    }

    private static <T> @Nullable T await(Future<T> future, String file) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while decoding " + file + ".", e);
        } catch (ExecutionException e) {
            LocationAccessException.rethrowIfDenied(e);
            Throwable cause = e.getCause();
            if (cause instanceof MediaException
                    || cause instanceof UncheckedIOException
                    || cause instanceof IOException) {
                return null;
            }
            throw new IOException("Decoding " + file + " failed: " + cause, cause);
        }
    }
}
