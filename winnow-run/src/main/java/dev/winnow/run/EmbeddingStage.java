package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.BuiltinEmbedder;
import dev.winnow.embed.Embedder;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.embed.PrecomputedEmbeddings;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import dev.winnow.report.FrameThumbnail;
import dev.winnow.report.ThumbnailRenderer;
import dev.winnow.report.VideoStrip;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decodes samples at the embedder's size, computes their {@code lightly.*} metadata and embeds them.
 * Images go in batches: a batch is decoded in parallel on the pool, then embedded together, so at
 * most one batch of decoded images is held at a time. Each video is one task on the pool that
 * decodes its frames in one pass and embeds them a batch at a time as they come. A sample that
 * cannot be decoded becomes a diagnostic and is left out (for a video: all its frames); the others
 * go on. With precomputed embeddings samples are still decoded, at a small size, for their
 * metadata and to find unreadable files.
 *
 * <p>For the report, a few evenly spaced frames of the first videos are kept as thumbnails.
 */
final class EmbeddingStage {
    static final int BATCH = 32;
    /** Short side images are decoded to when only metadata is needed. */
    static final int METADATA_SIZE = 64;
    /** Videos that get a frame strip in the report, and frames per strip. */
    static final int STRIP_VIDEOS = 12;

    static final int STRIP_FRAMES = 12;

    /**
     * The embedded samples in input order; rows are {@code dimension} wide.
     *
     * @param sizes  each sample's original size
     * @param strips per video (of the first {@link #STRIP_VIDEOS}), thumbnails of evenly spaced frames
     */
    record Embedded(
            List<RunSample> samples,
            float[] rows,
            int dimension,
            List<ImageMetadata> metadata,
            List<ImageSize> sizes,
            Map<String, List<FrameThumbnail>> strips) {
        List<String> names() {
            return samples.stream().map(RunSample::name).toList();
        }
    }

    private final Datasource input;
    private final VideoDecoder videoDecoder;
    private final ExecutorService pool;
    private final Progress progress;
    private final DiagnosticCollector diagnostics;
    private final int frameStride;

    EmbeddingStage(PartitionResources resources, DiagnosticCollector diagnostics) {
        this.input = resources.input();
        this.videoDecoder = resources.videoDecoder();
        this.pool = resources.pool();
        this.progress = resources.progress();
        this.diagnostics = diagnostics;
        this.frameStride = resources.config().frameStride();
    }

    /** The videos among {@code samples} that get a strip in the report: the first {@link #STRIP_VIDEOS}. */
    static Set<String> stripVideos(List<RunSample> samples) {
        return VideoPass.byVideo(samples).keySet().stream().limit(STRIP_VIDEOS).collect(Collectors.toSet());
    }

    /** A video task's strip thumbnails and the diagnostics it found, added in video order when it is awaited. */
    private record VideoOutcome(List<FrameThumbnail> strip, List<Diagnostic> diagnostics) {}

    /** A decoded image with its metadata. */
    /** A decoded image, its metadata and, from the built-in embedder, its row already made on the pool. */
    private record Measured(DecodedImage image, ImageMetadata metadata, float @Nullable [] vector) {}

    /** What decoding and embedding one sample gave. */
    private record Result(float[] vector, ImageMetadata metadata, ImageSize size) {}

    /** Embeds {@code samples} with {@code source}; the videos named in {@code stripVideos} keep thumbnails. */
    Embedded run(List<RunSample> samples, EmbeddingSource source, Set<String> stripVideos) throws IOException {
        int dimension = source.dimension();
        int side = source instanceof Embedder e ? e.inputSize() : METADATA_SIZE;
        Result[] results = new Result[samples.size()];
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            position.put(samples.get(i).name(), i);
        }
        AtomicLong done = new AtomicLong();
        progress.phase("Decoding and embedding", samples.size());

        // Videos first: each is one long task, and images fill the pool around them.
        Map<String, List<RunSample>> videos = VideoPass.byVideo(samples);
        Map<String, Future<VideoOutcome>> videoTasks = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunSample>> video : videos.entrySet()) {
            boolean strip = stripVideos.contains(video.getKey());
            videoTasks.put(
                    video.getKey(),
                    pool.submit(() -> embedVideo(video.getValue(), side, source, strip, results, position, done)));
        }

        List<Integer> images = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!samples.get(i).isFrame()) {
                images.add(i);
            }
        }
        for (int start = 0; start < images.size(); start += BATCH) {
            List<Integer> batch = images.subList(start, Math.min(images.size(), start + BATCH));
            embedImages(batch, samples, side, source, results);
            done.addAndGet(batch.size());
            progress.advance(done.get());
        }

        Map<String, List<FrameThumbnail>> frameStrips = new LinkedHashMap<>();
        for (Map.Entry<String, Future<VideoOutcome>> task : videoTasks.entrySet()) {
            VideoOutcome outcome = awaitVideo(task.getKey(), task.getValue(), done);
            List<FrameThumbnail> strip = outcome == null ? null : outcome.strip();
            if (outcome != null) {
                diagnostics.addAll(outcome.diagnostics());
            }
            if (strip == null) {
                for (RunSample frame : Objects.requireNonNull(videos.get(task.getKey()))) {
                    results[positionOf(position, frame.name())] = null; // a video that failed part way gives no frames
                }
            } else if (!strip.isEmpty()) {
                frameStrips.put(task.getKey(), strip);
            }
        }
        progress.advance(done.get());
        progress.endPhase();

        List<RunSample> kept = new ArrayList<>();
        List<ImageMetadata> metadata = new ArrayList<>();
        List<ImageSize> sizes = new ArrayList<>();
        float[] rows = new float[samples.size() * dimension];
        for (int i = 0; i < samples.size(); i++) {
            if (results[i] != null) {
                System.arraycopy(results[i].vector(), 0, rows, kept.size() * dimension, dimension);
                kept.add(samples.get(i));
                metadata.add(results[i].metadata());
                sizes.add(results[i].size());
            }
        }
        return new Embedded(
                kept, Arrays.copyOf(rows, kept.size() * dimension), dimension, metadata, sizes, frameStrips);
    }

    /**
     * Decodes a batch of images on the pool and embeds them: the built-in embedder's rows are made on
     * the pool by the task that decoded the image (a batch gains it nothing, and no core then waits
     * for the batch's slowest decoding); other embedders get the batch here.
     */
    private void embedImages(
            List<Integer> batch, List<RunSample> samples, int side, EmbeddingSource source, Result[] results)
            throws IOException {
        // Decoding and the metadata's pixel statistics run on the pool, one image per task.
        List<Future<Measured>> decoding = new ArrayList<>(batch.size());
        for (int i : batch) {
            RunSample sample = samples.get(i);
            decoding.add(pool.submit(() -> {
                DecodedImage image = ImageDecoder.decode(input, sample.file(), side);
                float[] vector = source instanceof BuiltinEmbedder builtin ? builtin.embed(image.image()) : null;
                return new Measured(image, ImageMetadata.of(image, sample.size()), vector);
            }));
        }
        List<BufferedImage> images = new ArrayList<>(batch.size());
        List<Integer> slots = new ArrayList<>(batch.size());
        List<ImageMetadata> metadata = new ArrayList<>(batch.size());
        List<ImageSize> sizes = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            RunSample sample = samples.get(batch.get(b));
            Measured measured = awaitImage(decoding.get(b), sample.name());
            if (measured == null || !hasPrecomputedRow(source, sample.name(), diagnostics::add)) {
                continue;
            }
            float[] vector = measured.vector();
            if (vector != null) {
                results[batch.get(b)] =
                        new Result(vector, measured.metadata(), measured.image().original());
                continue;
            }
            images.add(measured.image().image());
            slots.add(batch.get(b));
            metadata.add(measured.metadata());
            sizes.add(measured.image().original());
        }
        float[][] vectors = embed(
                source, images, slots.stream().map(i -> samples.get(i).name()).toList());
        for (int k = 0; k < vectors.length; k++) {
            results[slots.get(k)] = new Result(vectors[k], metadata.get(k), sizes.get(k));
        }
    }

    /** One video's task: decode its frames in one pass, embedding a batch at a time; returns its strip thumbnails. */
    private VideoOutcome embedVideo(
            List<RunSample> frames,
            int side,
            EmbeddingSource source,
            boolean strip,
            Result[] results,
            Map<String, Integer> position,
            AtomicLong done)
            throws IOException, MediaException {
        Set<Integer> stripFrames = strip
                ? Set.copyOf(VideoStrip.stripFrames(frames.get(0).frameCount(), frameStride, STRIP_FRAMES))
                : Set.of();
        List<FrameThumbnail> thumbnails = new ArrayList<>();
        List<Diagnostic> found = new ArrayList<>();
        List<RunSample> pending = new ArrayList<>(BATCH);
        List<DecodedImage> pendingImages = new ArrayList<>(BATCH);
        VideoPass.decode(videoDecoder, input, frames, side, (frame, image) -> {
            if (stripFrames.contains(frame.frame())) {
                thumbnails.add(new FrameThumbnail(
                        frame.frame(),
                        ThumbnailRenderer.render(frame.name(), image.image(), image.original(), List.of())));
            }
            if (!hasPrecomputedRow(source, frame.name(), found::add)) {
                done.incrementAndGet();
                return;
            }
            pending.add(frame);
            pendingImages.add(image);
            if (pending.size() == BATCH) {
                embedFrames(pending, pendingImages, source, results, position);
                done.addAndGet(BATCH);
            }
        });
        int rest = pending.size();
        embedFrames(pending, pendingImages, source, results, position);
        done.addAndGet(rest);
        return new VideoOutcome(thumbnails, found);
    }

    private static void embedFrames(
            List<RunSample> frames,
            List<DecodedImage> images,
            EmbeddingSource source,
            Result[] results,
            Map<String, Integer> position) {
        List<BufferedImage> pixels = images.stream().map(DecodedImage::image).toList();
        float[][] vectors =
                embed(source, pixels, frames.stream().map(RunSample::name).toList());
        for (int k = 0; k < vectors.length; k++) {
            DecodedImage image = images.get(k);
            results[positionOf(position, frames.get(k).name())] =
                    new Result(vectors[k], ImageMetadata.of(image, frames.get(k).size()), image.original());
        }
        frames.clear();
        images.clear();
    }

    static boolean hasPrecomputedRow(EmbeddingSource source, String sample, Consumer<Diagnostic> into) {
        if (source instanceof PrecomputedEmbeddings file && file.find(sample).isEmpty()) {
            into.accept(DiagnosticCode.UNREADABLE.of(
                    sample, "The sample has no row in the " + file + ", so it is left out of the run."));
            return false;
        }
        return true;
    }

    static float[][] embed(EmbeddingSource source, List<BufferedImage> images, List<String> names) {
        if (images.isEmpty()) {
            return new float[0][];
        }
        float[][] vectors = source instanceof Embedder embedder
                ? embedder.embed(images)
                : ((PrecomputedEmbeddings) source).require(names);
        for (int b = 0; b < vectors.length; b++) {
            if (vectors[b].length != source.dimension()) {
                throw new IllegalStateException("The embedder returned a vector of length " + vectors[b].length
                        + " for " + names.get(b) + ", but promised " + source.dimension() + ".");
            }
        }
        return vectors;
    }

    /** The decoded image, or null after recording why it could not be decoded. */
    private @Nullable Measured awaitImage(Future<Measured> future, String sample) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while decoding " + sample + ".", e);
        } catch (ExecutionException e) {
            leftOut(e, sample, "The image cannot be decoded, so it is left out of the run: ");
            return null;
        }
    }

    /**
     * The video's strip, or null after recording why its frames could not all be decoded; reports progress while
     * waiting.
     */
    private @Nullable VideoOutcome awaitVideo(String video, Future<VideoOutcome> future, AtomicLong done)
            throws IOException {
        while (true) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.advance(done.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while decoding " + video + ".", e);
            } catch (ExecutionException e) {
                leftOut(e, video, "The video cannot be decoded, so its frames are left out of the run: ");
                return null;
            }
        }
    }

    private static int positionOf(Map<String, Integer> position, String sample) {
        return Objects.requireNonNull(position.get(sample), "every sample has a position");
    }

    private void leftOut(ExecutionException failure, String file, String why) throws IOException {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        LocationAccessException.rethrowIfDenied(cause);
        if (cause instanceof MediaException
                || cause instanceof IOException
                || cause instanceof UncheckedIOException
                || cause instanceof RuntimeException) {
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            diagnostics.add(DiagnosticCode.UNREADABLE.of(file, why + reason + (reason.endsWith(".") ? "" : ".")));
            return;
        }
        throw new IOException("Decoding " + file + " failed: " + cause, cause);
    }
}
