package dev.winnow.run.output;

import dev.winnow.embed.EmbeddingsCsvWriter;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.io.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of a run's plain output files: {@code selected.txt}, {@code selection.csv},
 * {@code scores.csv}, {@code embeddings.csv}, {@code diagnostics.jsonl} and, on object level,
 * {@code selected_crops.csv}.
 */
public final class RunOutputs {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private RunOutputs() {}

    /** One selected sample name per line, in selection order. */
    public static String selectedText(List<String> selected) {
        StringBuilder sb = new StringBuilder();
        selected.forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    /**
     * {@code sample,order,value,<strategy>...}: each pick with its 1-based order, the product value
     * it was picked with and each strategy's objective then ({@code objectives[s][k]}).
     */
    public static String selectionCsv(
            List<String> selected, double[] values, List<String> strategyLabels, double[][] objectives) {
        Csv csv = new Csv().field("sample").field("order").field("value");
        strategyLabels.forEach(csv::field);
        csv.endLine();
        for (int k = 0; k < selected.size(); k++) {
            csv.field(selected.get(k)).field(k + 1).field(values[k]);
            for (int s = 0; s < strategyLabels.size(); s++) {
                csv.field(objectives[s][k]);
            }
            csv.endLine();
        }
        return csv.toString();
    }

    /**
     * {@code sample,<column>...}: one row per candidate, {@code columns.get(c)[i]} being candidate i's value;
     * written line by line, so a large run never holds the whole text.
     */
    public static void writeScoresCsv(Writer out, List<String> samples, List<String> headers, List<double[]> columns)
            throws IOException {
        Csv header = new Csv().field("sample");
        headers.forEach(header::field);
        out.write(header.endLine().toString());
        for (int i = 0; i < samples.size(); i++) {
            Csv line = new Csv().field(samples.get(i));
            for (double[] column : columns) {
                line.field(column[i]);
            }
            out.write(line.endLine().toString());
        }
    }

    /**
     * {@code filenames,embedding_0..embedding_{d-1},labels}, the precomputed-embeddings layout (labels 0), row by row.
     */
    public static void writeEmbeddingsCsv(Writer out, List<String> samples, float[] rows, int dimension)
            throws IOException {
        try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.to(out, dimension)) {
            float[] row = new float[dimension];
            for (int i = 0; i < samples.size(); i++) {
                System.arraycopy(rows, i * dimension, row, 0, dimension);
                csv.append(samples.get(i), row);
            }
        }
    }

    /** One selected crop: its name, parent sample, the prediction's box in parent pixels, category and score. */
    public record SelectedCrop(
            String crop,
            String parent,
            double x,
            double y,
            double width,
            double height,
            String category,
            double score) {}

    /** {@code crop,parent,x,y,width,height,category,score}: the selected crops in selection order. */
    public static String selectedCropsCsv(List<SelectedCrop> crops) {
        Csv csv = new Csv()
                .field("crop")
                .field("parent")
                .field("x")
                .field("y")
                .field("width")
                .field("height")
                .field("category")
                .field("score")
                .endLine();
        for (SelectedCrop c : crops) {
            csv.field(c.crop())
                    .field(c.parent())
                    .field(c.x())
                    .field(c.y())
                    .field(c.width())
                    .field(c.height())
                    .field(c.category())
                    .field(c.score())
                    .endLine();
        }
        return csv.toString();
    }

    /** One JSON object per diagnostic and line: severity, code, file, pointer, line, column, message. */
    public static String diagnosticsJsonl(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("severity", d.severity().label());
            o.put("code", d.code());
            o.put("file", d.file());
            o.put("pointer", d.pointer());
            // Unknown positions are null, as in validate's --format json.
            if (d.line() > 0) {
                o.put("line", d.line());
                o.put("column", d.column());
            } else {
                o.putNull("line");
                o.putNull("column");
            }
            o.put("message", d.message());
            sb.append(MAPPER.writeValueAsString(o)).append('\n');
        }
        return sb.toString();
    }
}
