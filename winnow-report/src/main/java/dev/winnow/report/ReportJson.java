package dev.winnow.report;

import dev.winnow.format.Diagnostic;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable summary of a run, {@code report.json}: run facts, counts, diagnostics by
 * code, per task the class counts before and after the selection, per video its frames, stride and
 * selected frames ({@code videos}, left out when the run had no video), and for an object-level run
 * the crop counts and the selected crops shown ({@code object_level}, left out otherwise). Pictures
 * stay in {@code report.html}; here thumbnails are named by their frame index or crop only.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ReportJson() {}

    public static String toJson(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("run_id", report.runId());
        root.put("started_at", report.startedAt());
        root.put("seconds", Math.round(report.seconds() * 1000) / 1000.0);
        root.put("input", report.input());
        root.put("output", report.output());
        root.put("seed", report.seed());
        RunCounts c = report.counts();
        ObjectNode counts = root.putObject("counts");
        counts.put("samples_listed", c.listed());
        counts.put("samples_from_datapool", c.fromDatapool());
        counts.put("samples_processed", c.processed());
        counts.put("samples_unreadable", c.unreadable());
        counts.put("candidates", c.candidates());
        counts.put("selected", c.selected());
        counts.put("selected_earlier", c.earlierSelected());
        counts.put("prediction_files", c.predictionFiles());
        counts.put("prediction_files_invalid", c.invalidPredictionFiles());
        ObjectNode diagnostics = root.putObject("diagnostics");
        diagnostics.put("errors", report.errorCount());
        diagnostics.put("warnings", report.warningCount());
        Map<String, Integer> byCode = new TreeMap<>();
        for (Diagnostic d : report.diagnostics()) {
            byCode.merge(d.code(), 1, Integer::sum);
        }
        ObjectNode codes = diagnostics.putObject("by_code");
        byCode.forEach(codes::put);
        ArrayNode tasks = root.putArray("tasks");
        for (TaskSummary task : report.tasks()) {
            ObjectNode t = tasks.addObject();
            t.put("name", task.name());
            t.put("task_type", task.taskType());
            ObjectNode before = t.putObject("class_counts_before");
            ObjectNode after = t.putObject("class_counts_after");
            for (int k = 0; k < task.categories().size(); k++) {
                before.put(task.categories().get(k), task.countsBefore()[k]);
                after.put(task.categories().get(k), task.countsAfter()[k]);
            }
            ArrayNode scores = t.putArray("scores");
            task.scoreNames().forEach(scores::add);
        }
        if (!report.videos().isEmpty()) {
            ArrayNode videos = root.putArray("videos");
            for (VideoStrip v : report.videos()) {
                ObjectNode video = videos.addObject();
                video.put("video", v.video());
                video.put("frame_count", v.frameCount());
                video.put("frame_stride", v.stride());
                ArrayNode selected = video.putArray("selected_frames");
                v.selectedFrames().forEach(selected::add);
                ArrayNode shown = video.putArray("thumbnail_frames");
                v.frames().forEach(f -> shown.add(f.frame()));
            }
        }
        report.objectLevel().ifPresent(o -> {
            ObjectNode objects = root.putObject("object_level");
            objects.put("task_name", o.task());
            objects.put("padding", o.padding());
            objects.put("crops", o.crops());
            objects.put("parents", o.parents());
            ArrayNode crops = objects.putArray("thumbnails");
            for (CropThumbnail t : o.thumbnails()) {
                ObjectNode crop = crops.addObject();
                crop.put("crop", t.crop());
                crop.put("parent", t.parent());
                crop.put("category", t.category());
                crop.put("score", t.score());
                crop.put("file", t.file());
            }
        });
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
