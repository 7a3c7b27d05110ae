package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The per-sample work of a run over one partition of its samples: decode, measure and embed each
 * sample (on object level: read its prediction file, cut and embed its boxes) and encode the
 * compact rows the pipeline merges. A run on this machine computes its one partition with its own
 * pool and embedder; on a cluster each executor calls {@link #compute(RunLocations, List)}, which
 * opens the datasources and the embedder once per executor.
 */
public final class PartitionStep implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What executors have opened, by location: one embedder (and its model) per executor. */
    private static final Map<RunLocations, Opened> OPENED = new ConcurrentHashMap<>();

    /** The object-level task, or null for images and frames. */
    private final @Nullable String objectTask;

    private final double padding;
    private final HashSet<String> stripVideos;

    private PartitionStep(@Nullable String objectTask, double padding, Set<String> stripVideos) {
        this.objectTask = objectTask;
        this.padding = padding;
        this.stripVideos = new HashSet<>(stripVideos);
    }

    /** Images and frames; the videos named keep thumbnails for the report's strips. */
    static PartitionStep samples(Set<String> stripVideos) {
        return new PartitionStep(null, 0, stripVideos);
    }

    /** The crops of {@code task}'s boxes, padded by {@code padding}. */
    static PartitionStep crops(String task, double padding) {
        return new PartitionStep(task, padding, Set.of());
    }

    /** On an executor: computes the rows of {@code samples}, opening what {@code where} names once per JVM. */
    public byte[] compute(RunLocations where, List<RunSample> samples) throws IOException {
        return compute(where, null, samples);
    }

    /**
     * On an executor: as {@link #compute(RunLocations, List)}, with the ONNX model that {@code run.json}
     * names opened from {@code model}'s bytes (the driver's copy, shipped once per executor) rather than
     * from its path, which need not exist on the executor. {@code model} is asked once per JVM.
     */
    public byte[] compute(RunLocations where, @Nullable Supplier<byte[]> model, List<RunSample> samples)
            throws IOException {
        Opened opened = opened(where, model);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "winnow-partition");
            t.setDaemon(true);
            return t;
        });
        try {
            PredictionsLoader loader = new PredictionsLoader(
                    opened.output(), ValidationOptions.defaults(), new DiagnosticCollector(), pool);
            return compute(
                    new PartitionResources(
                            opened.input(),
                            opened.config(),
                            opened.videoDecoder(),
                            pool,
                            Progress.NONE,
                            opened.source(),
                            loader),
                    samples);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The rows of {@code samples}, computed with {@code resources}. */
    byte[] compute(PartitionResources resources, List<RunSample> samples) throws IOException {
        DiagnosticCollector found = new DiagnosticCollector(RunPipeline.MAX_DIAGNOSTICS);
        if (objectTask == null) {
            EmbeddingStage.Embedded embedded =
                    new EmbeddingStage(resources, found).run(samples, resources.source(), stripVideos);
            return PartitionRows.encode(embedded, found.sorted());
        }
        TaskSchema schema = null;
        for (Map.Entry<String, TaskSchema> task : resources.loader().tasks()) {
            if (task.getKey().equals(objectTask)) {
                schema = task.getValue();
            }
        }
        if (schema == null) {
            throw new IOException("The task '" + objectTask + "' has no valid schema where this partition reads it.");
        }
        CropStage.Partial partial =
                new CropStage(resources, found).run(samples, objectTask, schema, padding, resources.source());
        return PartitionRows.encode(partial, found.sorted());
    }

    /**
     * On the driver: the bytes of the ONNX model that {@code where}'s {@code run.json} names, for the
     * executors; empty for the other embedders.
     */
    public static Optional<byte[]> onnxModel(RunLocations where) throws IOException {
        if (parse(where).embeddings() instanceof EmbeddingsConfig.Onnx onnx) {
            return Optional.of(Files.readAllBytes(onnx.model()));
        }
        return Optional.empty();
    }

    private static RunConfig parse(RunLocations where) {
        return RunConfigParser.parse(where.configText(), where.configName(), Path.of(where.configDir()));
    }

    private static Opened opened(RunLocations where, @Nullable Supplier<byte[]> model) throws IOException {
        Opened known = OPENED.get(where);
        if (known != null) {
            return known;
        }
        synchronized (OPENED) {
            known = OPENED.get(where);
            if (known == null) {
                RunConfig config = parse(where);
                EmbeddingSource source = model != null && config.embeddings() instanceof EmbeddingsConfig.Onnx onnx
                        ? onnx.open(model.get())
                        : config.embeddings().open();
                known = new Opened(
                        Locations.open(where.input()),
                        Locations.open(where.output()),
                        config,
                        VideoDecoders.standard(),
                        source);
                OPENED.put(where, known);
            }
            return known;
        }
    }

    /** An executor's datasources, configuration, video decoder and embedder for one run. */
    private record Opened(
            Datasource input, Datasource output, RunConfig config, VideoDecoder videoDecoder, EmbeddingSource source) {}
}
