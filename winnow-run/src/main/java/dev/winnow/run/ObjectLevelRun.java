package dev.winnow.run;

import dev.winnow.embed.EmbeddingSource;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageMetadata;
import dev.winnow.report.CropThumbnail;
import dev.winnow.report.ObjectLevelSummary;
import dev.winnow.report.RunCounts;
import dev.winnow.report.RunReport;
import dev.winnow.run.config.ObjectLevelOptions;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.run.datapool.ProcessedSample;
import dev.winnow.run.output.RunOutputs;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.table.PredictionsTableBuilder;
import dev.winnow.select.EmbeddingMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A run on object level (DESIGN §6): every box of one task, in every image and frame, is cut out
 * as a crop sample; crops are embedded, scored from their own prediction and selected. The
 * selected crops are written as PNG files and listed with their parents in
 * {@value RunPipeline#SELECTED_CROPS}; {@code selected.txt} lists the parents. Crops are cut and
 * embedded again every run, and a datapool per task remembers which were selected.
 */
final class ObjectLevelRun {
    private ObjectLevelRun() {}

    /** Runs the selection described by {@code ctx} over the crops of {@code options}' task. */
    static RunSummary run(RunContext ctx, ObjectLevelOptions options, EmbeddingSource source, String embedderId)
            throws IOException {
        RunRequest request = ctx.request();
        RunSelection selection = new RunSelection(ctx);
        DiagnosticCollector diagnostics = ctx.diagnostics();
        String task = options.taskName();
        TaskSchema schema = objectTaskSchema(ctx.loader(), task);
        // Crops are cut and embedded again every run; the object pool remembers which were selected.
        Path objectFolder = ctx.winnow().resolve(RunPipeline.OBJECTS).resolve(task);
        Datapool pool = Datapool.load(objectFolder, RunFolder.completedIn(ctx.winnow()));
        Set<String> earlierSelected = new HashSet<>(pool.selected());
        CropStage.Cropped cropped =
                SampleRows.crop(ctx, ctx.listing().samples(), task, schema, options.padding(), source);

        int dimension = cropped.dimension();
        int[] rows = IntStream.range(0, cropped.crops().size())
                .filter(i -> !earlierSelected.contains(cropped.crops().get(i).name()))
                .toArray();
        EmbeddingMatrix matrix = new EmbeddingMatrix(cropped.rows(), dimension).select(rows);
        float[] candidateEmbeddings = matrix.rows();
        List<CropStage.CropSample> candidates = new ArrayList<>();
        List<ImageMetadata> candidateMetadata = new ArrayList<>();
        PredictionsTableBuilder table = new PredictionsTableBuilder(task, schema);
        for (int row : rows) {
            CropStage.CropSample crop = cropped.crops().get(row);
            candidates.add(crop);
            candidateMetadata.add(cropped.metadata().get(row));
            table.add(crop.name(), new PredictionFile(Optional.empty(), List.of(crop.singleton())));
        }
        List<String> names = candidates.stream().map(CropStage.CropSample::name).toList();
        List<LoadedTask> tasks =
                List.of(new LoadedTask(task, schema, table.build(), cropped.files(), cropped.invalid()));
        Map<String, ActiveLearningScores> scores = selection.score(tasks);

        List<String> allCrops =
                cropped.crops().stream().map(CropStage.CropSample::name).toList();
        Optional<EmbeddingMatrix> earlier =
                RunSelection.earlierEmbeddings(pool, allCrops, cropped.rows(), embedderId, dimension);
        List<RunSample> parents =
                candidates.stream().map(CropStage.CropSample::parent).toList();
        RunSelection.Picks picks =
                selection.select(names, parents, matrix, earlier, tasks, scores, candidateMetadata, Optional.of(task));

        ctx.progress().phase("Writing outputs", 0);
        Map<String, CropStage.CropSample> cropOf = new HashMap<>();
        candidates.forEach(c -> cropOf.put(c.name(), c));
        List<CropStage.CropSample> selectedCrops =
                picks.selected().stream().map(cropOf::get).toList();
        List<String> selectedParents =
                selectedCrops.stream().map(c -> c.parent().name()).distinct().toList();
        RunCounts counts = new RunCounts(
                ctx.listing().samples().size(),
                0,
                cropped.crops().size(),
                ctx.listing().samples().size() - cropped.parents(),
                names.size(),
                picks.selected().size(),
                pool.selected().size(),
                cropped.files(),
                cropped.invalid());
        SampleDecoding decoding = ctx.decoding();
        RunReportBuilder reports = new RunReportBuilder(request, ctx.loader(), decoding);
        RunFolder folder = ctx.folder();
        folder.writeString("selected.txt", RunOutputs.selectedText(selectedParents));
        RunFiles.writeSelectionFiles(folder, names, matrix, picks, tasks, scores, reports);
        List<CropThumbnail> thumbnails = new CropFiles(folder, decoding, task, options.padding(), schema)
                .write(selectedCrops, RunPipeline.MAX_THUMBNAILS);
        folder.writeString(
                RunPipeline.SELECTED_CROPS,
                RunOutputs.selectedCropsCsv(selectedCrops.stream()
                        .map(c -> CropFiles.row(c, schema))
                        .toList()));
        ObjectLevelSummary summary =
                new ObjectLevelSummary(task, options.padding(), cropped.crops().size(), cropped.parents(), thumbnails);
        RunReport report = reports.report(
                ctx.runId(),
                ctx.started(),
                ctx.seconds(),
                request.config().seed(),
                counts,
                diagnostics.sorted(),
                names,
                candidateEmbeddings,
                dimension,
                picks.selected(),
                tasks,
                scores,
                cropped.parentSizes(),
                Map.of(),
                List.of(),
                Optional.of(summary));
        // Staged before the run folder completes and put in force after it, as on image level.
        List<ProcessedSample> processed = cropped.crops().stream()
                .map(c -> new ProcessedSample(
                        c.name(), c.parent().size(), c.parent().lastModifiedMillis()))
                .toList();
        Datapool.Staged staged = pool.updated(processed, cropped.rows(), dimension, embedderId, picks.selected())
                .stage(objectFolder, ctx.runId());
        Path runPath = RunFiles.commit(folder, diagnostics.sorted(), report);
        staged.publish();
        ctx.progress().endPhase();
        return ctx.summary(runPath, counts, picks.selected(), picks.result(), Optional.of(task));
    }

    /** The schema of the task object level cuts crops from; it must be listed and hold boxes. */
    private static TaskSchema objectTaskSchema(PredictionsLoader loader, String task) throws IOException {
        List<String> listed = new ArrayList<>();
        for (Map.Entry<String, TaskSchema> entry : loader.tasks()) {
            listed.add(entry.getKey());
            if (entry.getKey().equals(task)) {
                TaskType type = entry.getValue().taskType();
                if (type != TaskType.OBJECT_DETECTION
                        && type != TaskType.INSTANCE_SEGMENTATION
                        && type != TaskType.KEYPOINT_DETECTION) {
                    throw new IllegalArgumentException("/object_level/task_name names the task '" + task + "' of type "
                            + type.wireName()
                            + ", but crops come from the boxes of an object-detection, instance-segmentation "
                            + "or keypoint-detection task.");
                }
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("/object_level/task_name names the task '" + task + "', but "
                + (listed.isEmpty()
                        ? "the output has no tasks with a valid schema in .lightly/predictions/tasks.json."
                        : "the tasks with a valid schema are: " + String.join(", ", listed) + "."));
    }
}
