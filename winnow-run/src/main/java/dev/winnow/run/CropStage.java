package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.Crop;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Object level: turns every box of one task into a crop sample. Each parent (an image, or a video's
 * frames in one pass) is decoded on the pool at {@link #SOURCE_SIDE}, its prediction file of the
 * task is read and checked against the decoded size, each box is cut out with the padding and the
 * crops are embedded at once, so only the crops' vectors outlive the task. Crops are named
 * {@code <parent stem>-<task>-<index>}, the index being the box's position in its prediction file.
 */
final class CropStage {
    /** Parents are decoded so their short side is at least this long: crops of small boxes keep detail. */
    static final int SOURCE_SIDE = 1024;

    private static final int CHUNK = 64;

    /**
     * One crop: its name, parent, the box's position in the parent's file, the prediction itself and the padded box.
     */
    record CropSample(String name, RunSample parent, int index, Singleton singleton, BoundingBox box) {}

    /**
     * Every crop with its embedding (rows {@code dimension} wide) and metadata, in parent order.
     *
     * @param files       prediction files found for them
     * @param invalid     of those, the ones skipped as invalid
     * @param parentSizes each decoded parent's original size
     */
    record Cropped(
            List<CropSample> crops,
            float[] rows,
            int dimension,
            List<ImageMetadata> metadata,
            int files,
            int invalid,
            Map<String, ImageSize> parentSizes) {
        /** How many parents were decoded. */
        int parents() {
            return parentSizes.size();
        }
    }

    private record Piece(CropSample crop, float[] vector, ImageMetadata metadata) {}

    /** What one parent (or one video's frames) gave. */
    private record ParentOutcome(
            List<Piece> pieces,
            List<Diagnostic> diagnostics,
            Map<String, ImageSize> sizes,
            int files,
            int invalid,
            int boxless) {}

    /**
     * What cutting the crops of some parents gave, before the checks over all of them.
     *
     * @param crops    the crops in parent order (images first, then each video's frames)
     * @param rows     their embeddings, {@code dimension} wide
     * @param boxless  keypoint instances without a box, which give no crop
     */
    record Partial(
            List<CropSample> crops,
            float[] rows,
            int dimension,
            List<ImageMetadata> metadata,
            int files,
            int invalid,
            int boxless,
            Map<String, ImageSize> parentSizes) {}

    private final Datasource input;
    private final VideoDecoder videoDecoder;
    private final ExecutorService pool;
    private final PredictionsLoader loader;
    private final Progress progress;
    private final DiagnosticCollector diagnostics;

    CropStage(PartitionResources resources, DiagnosticCollector diagnostics) {
        this.input = resources.input();
        this.videoDecoder = resources.videoDecoder();
        this.pool = resources.pool();
        this.loader = resources.loader();
        this.progress = resources.progress();
        this.diagnostics = diagnostics;
    }

    /** The parents in the order crops come out: images first, then each video's frames. */
    static List<RunSample> unitOrder(List<RunSample> parents) {
        List<RunSample> ordered = new ArrayList<>(parents.size());
        parents.stream().filter(p -> !p.isFrame()).forEach(ordered::add);
        VideoPass.byVideo(parents).values().forEach(ordered::addAll);
        return ordered;
    }

    /**
     * The whole of {@code task}'s crops from the partials of consecutive parents, in order: ends the
     * run when every prediction file was invalid, and reports boxless keypoint instances once.
     */
    static Cropped merge(
            List<Partial> partials,
            String task,
            int dimension,
            PredictionsLoader loader,
            DiagnosticCollector diagnostics) {
        List<CropSample> crops = new ArrayList<>();
        List<ImageMetadata> metadata = new ArrayList<>();
        Map<String, ImageSize> sizes = new HashMap<>();
        int files = 0;
        int invalid = 0;
        int boxless = 0;
        for (Partial p : partials) {
            crops.addAll(p.crops());
            metadata.addAll(p.metadata());
            sizes.putAll(p.parentSizes());
            files += p.files();
            invalid += p.invalid();
            boxless += p.boxless();
        }
        float[] rows = new float[crops.size() * dimension];
        int at = 0;
        for (Partial p : partials) {
            System.arraycopy(p.rows(), 0, rows, at, p.rows().length);
            at += p.rows().length;
        }
        loader.failIfAllInvalid(task, files, invalid);
        if (boxless > 0) {
            diagnostics.add(DiagnosticCode.KEYPOINTS_WITHOUT_BOX.at(
                    PredictionsLayout.taskFolder(task),
                    "",
                    boxless == 1
                            ? "1 keypoint instance of task '" + task + "' has no bbox, so it gives no crop."
                            : boxless + " keypoint instances of task '" + task
                                    + "' have no bbox, so they give no crop."));
        }
        return new Cropped(crops, rows, dimension, metadata, files, invalid, sizes);
    }

    /** The crops of {@code task}'s boxes in {@code parents}, embedded with {@code source}. */
    Partial run(List<RunSample> parents, String task, TaskSchema schema, double padding, EmbeddingSource source)
            throws IOException {
        progress.phase("Cutting and embedding crops of task '" + task + "'", parents.size());
        List<Piece> pieces = new ArrayList<>();
        Map<String, ImageSize> sizes = new HashMap<>();
        int files = 0;
        int invalid = 0;
        int boxless = 0;
        int done = 0;
        List<Unit> units = new ArrayList<>();
        for (RunSample parent : parents) {
            if (!parent.isFrame()) {
                units.add(new Unit(parent.name(), 1, () -> cropImage(parent, task, schema, padding, source)));
            }
        }
        for (Map.Entry<String, List<RunSample>> video :
                VideoPass.byVideo(parents).entrySet()) {
            units.add(new Unit(
                    video.getKey(),
                    video.getValue().size(),
                    () -> cropVideo(video.getValue(), task, schema, padding, source)));
        }
        for (int start = 0; start < units.size(); start += CHUNK) {
            List<Unit> chunk = units.subList(start, Math.min(units.size(), start + CHUNK));
            List<Future<ParentOutcome>> futures = new ArrayList<>(chunk.size());
            chunk.forEach(u -> futures.add(pool.submit(u.work())));
            for (int i = 0; i < chunk.size(); i++) {
                ParentOutcome outcome = await(futures.get(i), chunk.get(i).file());
                done += chunk.get(i).samples();
                progress.advance(done);
                if (outcome == null) {
                    continue;
                }
                diagnostics.addAll(outcome.diagnostics());
                pieces.addAll(outcome.pieces());
                sizes.putAll(outcome.sizes());
                files += outcome.files();
                invalid += outcome.invalid();
                boxless += outcome.boxless();
            }
        }
        progress.endPhase();
        int dimension = source.dimension();
        float[] rows = new float[pieces.size() * dimension];
        List<CropSample> crops = new ArrayList<>(pieces.size());
        List<ImageMetadata> metadata = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            System.arraycopy(pieces.get(i).vector(), 0, rows, i * dimension, dimension);
            crops.add(pieces.get(i).crop());
            metadata.add(pieces.get(i).metadata());
        }
        return new Partial(crops, rows, dimension, metadata, files, invalid, boxless, sizes);
    }

    /** A unit of work on the pool: one image, or all wanted frames of one video. */
    private record Unit(String file, int samples, Callable<ParentOutcome> work) {}

    private ParentOutcome cropImage(
            RunSample parent, String task, TaskSchema schema, double padding, EmbeddingSource source)
            throws IOException, MediaException {
        DecodedImage image = ImageDecoder.decode(input, parent.file(), SOURCE_SIDE);
        Accumulator into = new Accumulator();
        crop(parent, image, task, schema, padding, source, into);
        return into.outcome();
    }

    private ParentOutcome cropVideo(
            List<RunSample> frames, String task, TaskSchema schema, double padding, EmbeddingSource source)
            throws IOException, MediaException {
        Accumulator into = new Accumulator();
        VideoPass.decode(
                videoDecoder,
                input,
                frames,
                SOURCE_SIDE,
                (frame, image) -> crop(frame, image, task, schema, padding, source, into));
        return into.outcome();
    }

    /** What one pool task has gathered so far. */
    private static final class Accumulator {
        final List<Piece> pieces = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Map<String, ImageSize> sizes = new HashMap<>();
        int files;
        int invalid;
        int boxless;

        ParentOutcome outcome() {
            return new ParentOutcome(pieces, diagnostics, sizes, files, invalid, boxless);
        }
    }

    private void crop(
            RunSample parent,
            DecodedImage image,
            String task,
            TaskSchema schema,
            double padding,
            EmbeddingSource source,
            Accumulator into)
            throws IOException {
        into.sizes.put(parent.name(), image.original());
        PredictionsLoader.Outcome read = loader.readOne(task, schema, parent.name(), image.original());
        into.diagnostics.addAll(read.diagnostics());
        into.files += read.found() ? 1 : 0;
        if (read.file() == null) {
            into.invalid += read.found() ? 1 : 0;
            return;
        }
        PredictionFile file = read.file();
        String stem = PredictionsLayout.stem(parent.name());
        List<CropSample> crops = new ArrayList<>();
        List<BufferedImage> pixels = new ArrayList<>();
        List<ImageMetadata> metadata = new ArrayList<>();
        for (int i = 0; i < file.predictions().size(); i++) {
            Singleton singleton = file.predictions().get(i);
            Optional<BoundingBox> box = boxOf(singleton);
            if (box.isEmpty()) {
                into.boxless++;
                continue;
            }
            String name = stem + "-" + task + "-" + i;
            BoundingBox padded;
            BufferedImage cut;
            try {
                padded = Crop.paddedBox(box.get(), padding, image.original());
                cut = Crop.cut(image, box.get(), padding);
            } catch (IllegalArgumentException e) {
                into.diagnostics.add(DiagnosticCode.CROP_WITHOUT_AREA.at(
                        PredictionsLayout.file(task, parent.name()),
                        "/predictions/" + i,
                        "The box gives no crop: " + e.getMessage()));
                continue;
            }
            if (!EmbeddingStage.hasPrecomputedRow(source, name, into.diagnostics::add)) {
                continue;
            }
            crops.add(new CropSample(name, parent, i, singleton, padded));
            pixels.add(cut);
            ImageSize cropSize = new ImageSize(
                    Math.max(1, (int) Math.round(padded.width())), Math.max(1, (int) Math.round(padded.height())));
            metadata.add(ImageMetadata.of(new DecodedImage(cut, cropSize), parent.size()));
        }
        float[][] vectors = EmbeddingStage.embed(
                source, pixels, crops.stream().map(CropSample::name).toList());
        for (int k = 0; k < vectors.length; k++) {
            into.pieces.add(new Piece(crops.get(k), vectors[k], metadata.get(k)));
        }
    }

    /** The box of a detection, an instance mask or a keypoint instance that has one. */
    static Optional<BoundingBox> boxOf(Singleton singleton) {
        if (singleton instanceof Singleton.Detection d) {
            return Optional.of(d.bbox());
        }
        if (singleton instanceof Singleton.InstanceSegment s) {
            return Optional.of(s.bbox());
        }
        if (singleton instanceof Singleton.KeypointInstance k) {
            return k.bbox();
        }
        return Optional.empty();
    }

    private @Nullable ParentOutcome await(Future<ParentOutcome> future, String file) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while cutting crops from " + file + ".", e);
        } catch (ExecutionException e) {
            LocationAccessException.rethrowIfDenied(e);
            Throwable cause = e.getCause();
            if (cause instanceof MediaException
                    || cause instanceof IOException
                    || cause instanceof UncheckedIOException) {
                String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                diagnostics.add(DiagnosticCode.UNREADABLE.of(
                        file,
                        "The file cannot be decoded, so it gives no crops: " + reason
                                + (reason.endsWith(".") ? "" : ".")));
                return null;
            }
            if (cause instanceof RunFailedException failed) {
                throw failed;
            }
            throw new IOException("Cutting crops from " + file + " failed: " + cause, cause);
        }
    }
}
