package dev.winnow.convert.csv;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.SampleNames;
import dev.winnow.convert.TextInputs;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Probabilities;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.Wording;
import dev.winnow.format.io.Csv;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Converts a CSV of image classifications into a classification task. Each record is
 * {@code filename,category[,p_0,...,p_{K-1}]}; an optional first line starting with
 * {@code filename} is a header. The category is a name, or an id when a categories file is given
 * and the field is a number; without a categories file the ids follow the sorted names. The
 * probabilities, when present, need one per category in id order, each from 0 to 1, summing to 1
 * (±0.001). Bad records are reported with their line number and skipped.
 */
public final class ClassificationCsvConverter {
    private static final double SUM_TOLERANCE = 1e-3;

    private ClassificationCsvConverter() {}

    public static ConversionReport convert(Path csv, Optional<Path> categoriesFile, PredictionsFolder out)
            throws IOException, ConversionException {
        if (!Files.isRegularFile(csv)) {
            throw new ConversionException("The file " + csv + " given with --csv does not exist or is not a file.");
        }
        String label = csv.getFileName().toString();
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(TextInputs.read(csv)))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()
                        || (number == 1 && line.strip().toLowerCase(Locale.ROOT).startsWith("filename"))) {
                    continue;
                }
                try {
                    List<String> fields = Csv.split(line);
                    if (fields.size() < 2) {
                        throw new IllegalArgumentException(
                                "it has " + fields.size() + " field; expected filename,category[,p_0,...]");
                    }
                    double[] p = new double[fields.size() - 2];
                    for (int i = 0; i < p.length; i++) {
                        String f = fields.get(i + 2).strip();
                        try {
                            p[i] = Double.parseDouble(f);
                        } catch (NumberFormatException e) {
                            p[i] = Double.NaN;
                        }
                        if (!(p[i] >= 0 && p[i] <= 1)) {
                            throw new IllegalArgumentException(
                                    "probability " + i + " is '" + f + "', not a number from 0 to 1");
                        }
                    }
                    rows.add(
                            new Row(number, fields.get(0).strip(), fields.get(1).strip(), p));
                } catch (IllegalArgumentException e) {
                    diagnostics.add(DiagnosticCode.CSV_LINE_INVALID
                            .at(
                                    label,
                                    "",
                                    "Line " + number + " cannot be used: " + e.getMessage() + ". The line is skipped.")
                            .at(number, 1));
                }
            }
        }
        List<Category> categories =
                categoriesFile.isPresent() ? CategoryNames.read(categoriesFile.get()) : sorted(rows);
        Map<String, Integer> idByName = new HashMap<>();
        categories.forEach(c -> idByName.put(c.name(), c.id()));
        Map<String, Singleton> bySample = new LinkedHashMap<>();
        // The line that keeps each prediction file: a name given twice, or two names with one stem
        // (a.jpg, a.png), would write one file twice; the first line keeps it.
        Map<String, Row> rowByFile = new HashMap<>();
        for (Row row : rows) {
            Optional<String> problem = SampleNames.problem(row.fileName);
            String error = problem.orElse(null);
            Integer id = idByName.get(row.category);
            if (id == null
                    && categoriesFile.isPresent()
                    && row.category.matches("[0-9]{1,9}")
                    && categories.stream().anyMatch(c -> c.id() == Integer.parseInt(row.category))) {
                id = Integer.parseInt(row.category);
            }
            if (error == null && id == null) {
                error = "The category '" + row.category + "' is not in the categories file.";
            }
            if (error == null && row.probabilities.length > 0 && row.probabilities.length != categories.size()) {
                error = "It has " + row.probabilities.length + " probabilities, but there are " + categories.size()
                        + " categories.";
            }
            if (error == null && row.probabilities.length > 0) {
                double sum = Probabilities.of(row.probabilities).sum();
                if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                    error = "Its probabilities sum to " + Wording.number(sum) + ", not 1.";
                }
            }
            if (error == null) {
                String predictionFile = PredictionsLayout.fileInTask(row.fileName);
                Row holder = rowByFile.putIfAbsent(predictionFile, row);
                if (holder != null) {
                    error = holder.fileName.equals(row.fileName)
                            ? "The file '" + row.fileName + "' was classified on an earlier line already."
                            : "The file '" + row.fileName + "' would have the prediction file " + predictionFile
                                    + " of '" + holder.fileName + "' on line " + holder.line + ".";
                }
            }
            if (error != null || id == null) { // no id always comes with an error
                diagnostics.add(DiagnosticCode.CSV_ROW_INVALID
                        .at(label, "", "Line " + row.line + ": " + error + " The line is skipped.")
                        .at(row.line, 1));
                continue;
            }
            Optional<Probabilities> p =
                    row.probabilities.length == 0 ? Optional.empty() : Optional.of(Probabilities.of(row.probabilities));
            bySample.put(row.fileName, new Singleton.Classification(id, OptionalDouble.empty(), p));
        }
        TaskSchema schema = new TaskSchema(TaskType.CLASSIFICATION, categories);
        return PerSampleConversion.run(
                out, schema, new ArrayList<>(bySample.keySet()), sample -> List.of(bySample.get(sample)), diagnostics);
    }

    private static List<Category> sorted(List<Row> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.add(r.category));
        List<Category> categories = new ArrayList<>();
        for (String name : names) {
            if (!name.isEmpty()) {
                categories.add(Category.of(categories.size(), name));
            }
        }
        return categories;
    }

    private record Row(int line, String fileName, String category, double[] probabilities) {}
}
