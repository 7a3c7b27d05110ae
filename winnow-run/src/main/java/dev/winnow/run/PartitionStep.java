package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        Opened opened = opened(where);
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

    private static Opened opened(RunLocations where) throws IOException {
        Opened known = OPENED.get(where);
        if (known != null) {
            return known;
        }
        synchronized (OPENED) {
            known = OPENED.get(where);
            if (known == null) {
                RunConfig config =
                        RunConfigParser.parse(where.configText(), where.configName(), Path.of(where.configDir()));
                known = new Opened(
                        Locations.open(where.input()),
                        Locations.open(where.output()),
                        config,
                        VideoDecoders.standard(),
                        config.embeddings().open());
                OPENED.put(where, known);
            }
            return known;
        }
    }

    /** An executor's datasources, configuration, video decoder and embedder for one run. */
    private record Opened(
            Datasource input, Datasource output, RunConfig config, VideoDecoder videoDecoder, EmbeddingSource source) {}
}
