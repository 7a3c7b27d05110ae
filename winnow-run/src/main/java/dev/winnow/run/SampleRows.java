package dev.winnow.run;

import dev.winnow.embed.EmbeddingSource;
import dev.winnow.format.TaskSchema;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.report.FrameThumbnail;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-sample part of a run, computed as partitions of consecutive samples: on this machine one
 * partition on the run's own pool; with a {@link SampleEngine} the engine's partitions wherever it
 * computes them. Partitions never split a video, so each video is still decoded in one pass, and
 * their rows are merged in sample order, so the merged rows are the same however many partitions.
 */
final class SampleRows {
    private SampleRows() {}

    /** The embedded images and frames of {@code samples}. */
    static EmbeddingStage.Embedded embed(RunContext ctx, List<RunSample> samples, EmbeddingSource source)
            throws IOException {
        PartitionStep step = PartitionStep.samples(EmbeddingStage.stripVideos(samples));
        List<EmbeddingStage.Embedded> parts = new ArrayList<>();
        for (byte[] rows : compute(ctx, samples, step, source)) {
            PartitionRows.Samples decoded = PartitionRows.decodeSamples(rows);
            ctx.diagnostics().addAll(decoded.diagnostics());
            parts.add(decoded.embedded());
        }
        return merge(parts, source.dimension());
    }

    /** The crops of {@code task}'s boxes in {@code parents}. */
    static CropStage.Cropped crop(
            RunContext ctx,
            List<RunSample> parents,
            String task,
            TaskSchema schema,
            double padding,
            EmbeddingSource source)
            throws IOException {
        PartitionStep step = PartitionStep.crops(task, padding);
        List<CropStage.Partial> parts = new ArrayList<>();
        for (byte[] rows : compute(ctx, CropStage.unitOrder(parents), step, source)) {
            PartitionRows.Crops decoded = PartitionRows.decodeCrops(rows, task, schema);
            ctx.diagnostics().addAll(decoded.diagnostics());
            parts.add(decoded.partial());
        }
        return CropStage.merge(parts, task, source.dimension(), ctx.loader(), ctx.diagnostics());
    }

    private static List<byte[]> compute(
            RunContext ctx, List<RunSample> samples, PartitionStep step, EmbeddingSource source) throws IOException {
        Optional<SampleEngine> engine = ctx.engine();
        if (engine.isEmpty()) {
            PartitionResources here = new PartitionResources(
                    ctx.request().input(),
                    ctx.request().config(),
                    ctx.videoDecoder(),
                    ctx.pool(),
                    ctx.progress(),
                    source,
                    ctx.loader());
            return List.of(step.compute(here, samples));
        }
        List<List<RunSample>> partitions = split(samples, engine.get().partitions());
        ctx.progress().phase("Decoding and embedding in " + partitions.size() + " partitions", 0);
        List<byte[]> rows = engine.get().compute(partitions, step);
        ctx.progress().endPhase();
        if (rows.size() != partitions.size()) {
            throw new IllegalStateException(
                    "The engine returned " + rows.size() + " partitions of rows for " + partitions.size() + ".");
        }
        return rows;
    }

    /**
     * {@code samples} cut into at most {@code partitions} runs of consecutive samples of about equal
     * size, a video's frames always in one; none is empty.
     */
    static List<List<RunSample>> split(List<RunSample> samples, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A run needs at least 1 partition, but " + partitions + " were asked.");
        }
        List<List<RunSample>> units = new ArrayList<>();
        for (int i = 0; i < samples.size(); ) {
            RunSample first = samples.get(i);
            int end = i + 1;
            while (first.isFrame()
                    && end < samples.size()
                    && samples.get(end).isFrame()
                    && samples.get(end).file().equals(first.file())) {
                end++;
            }
            units.add(samples.subList(i, end));
            i = end;
        }
        List<List<RunSample>> result = new ArrayList<>();
        long total = samples.size();
        long done = 0;
        List<RunSample> current = new ArrayList<>();
        for (List<RunSample> unit : units) {
            current.addAll(unit);
            done += unit.size();
            // Close a partition when the samples so far reach its share of the whole.
            if (done * partitions >= total * (result.size() + 1)) {
                result.add(List.copyOf(current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            result.add(List.copyOf(current));
        }
        return result.isEmpty() ? List.of(List.of()) : result;
    }

    private static EmbeddingStage.Embedded merge(List<EmbeddingStage.Embedded> parts, int dimension) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<RunSample> samples = new ArrayList<>();
        List<ImageMetadata> metadata = new ArrayList<>();
        List<ImageSize> sizes = new ArrayList<>();
        Map<String, List<FrameThumbnail>> strips = new HashMap<>();
        int length = 0;
        for (EmbeddingStage.Embedded p : parts) {
            samples.addAll(p.samples());
            metadata.addAll(p.metadata());
            sizes.addAll(p.sizes());
            strips.putAll(p.strips());
            length += p.rows().length;
        }
        float[] rows = new float[length];
        int at = 0;
        for (EmbeddingStage.Embedded p : parts) {
            System.arraycopy(p.rows(), 0, rows, at, p.rows().length);
            at += p.rows().length;
        }
        return new EmbeddingStage.Embedded(samples, rows, dimension, metadata, sizes, strips);
    }
}
