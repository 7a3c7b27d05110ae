package dev.winnow.convert.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationCsvConverterTest {
    @TempDir
    Path dir;

    @Test
    void namesSortedIntoIds_probabilitiesChecked() throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(
                csv,
                "filename,category,p_0,p_1,p_2\n"
                        + "a/x.jpg,dog,0.2,0.7,0.1\n"
                        + "\"b,1.png\",cat,1,0,0\n"
                        + "c.jpg,sunny\n"
                        + "d.jpg,cat,0.5,0.6,0\n"
                        + "e.jpg,cat,0.5\n"
                        + "a/x.jpg,cat\n"
                        + "f.jpg,cat,2,0,0\n"
                        + "\"g.jpg,cat\n");
        Path out = dir.resolve("out");
        ConversionReport report = ClassificationCsvConverter.convert(
                csv, Optional.empty(), PredictionsFolder.open(LocalDatasource.create(out), "cls", false));
        Path task = out.resolve(".lightly/predictions/cls");
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"classification\",\"categories\":["
                        + "{\"id\":0,\"name\":\"cat\"},{\"id\":1,\"name\":\"dog\"},{\"id\":2,\"name\":\"sunny\"}]}\n");
        assertThat(Files.readString(task.resolve("a/x.json")))
                .isEqualTo("{\"file_name\":\"a/x.jpg\",\"predictions\":[{\"category_id\":1,"
                        + "\"probabilities\":[0.2,0.7,0.1]}]}\n");
        assertThat(Files.readString(task.resolve("b,1.json")))
                .isEqualTo("{\"file_name\":\"b,1.png\",\"predictions\":[{\"category_id\":0,"
                        + "\"probabilities\":[1,0,0]}]}\n");
        assertThat(Files.readString(task.resolve("c.json")))
                .isEqualTo("{\"file_name\":\"c.jpg\",\"predictions\":[{\"category_id\":2}]}\n");
        assertThat(report.predictionFiles()).isEqualTo(3);
        // Sorted by position in the file, whichever pass found the problem.
        assertThat(report.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "Line 5: Its probabilities sum to 1.1, not 1. The line is skipped.",
                        "Line 6: It has 1 probabilities, but there are 3 categories. The line is skipped.",
                        "Line 7: The file 'a/x.jpg' was classified on an earlier line already. The line is skipped.",
                        "Line 8 cannot be used: probability 0 is '2', not a number from 0 to 1. The line is skipped.",
                        "Line 9 cannot be used: the quoted field that starts at column 1 is not "
                                + "closed. The line is skipped.");
        assertThat(FolderChecks.errors(out, "cls", Map.of())).isEmpty();
    }

    @Test
    void categoriesFile_namesOrIds() throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "x.jpg,1\ny.jpg,rain\nz.jpg,snow\n");
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "sun\nrain\n");
        Path out = dir.resolve("out");
        ConversionReport report = ClassificationCsvConverter.convert(
                csv, Optional.of(classes), PredictionsFolder.open(LocalDatasource.create(out), "w", false));
        assertThat(Files.readString(out.resolve(".lightly/predictions/w/x.json")))
                .isEqualTo("{\"file_name\":\"x.jpg\",\"predictions\":[{\"category_id\":1}]}\n");
        assertThat(Files.readString(out.resolve(".lightly/predictions/w/y.json")))
                .isEqualTo("{\"file_name\":\"y.jpg\",\"predictions\":[{\"category_id\":1}]}\n");
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                                "C502",
                                "labels.csv",
                                "",
                                "Line 3: The category 'snow' is not in the categories file. The line is skipped.")
                        .at(3, 1));
        assertThatThrownBy(() -> ClassificationCsvConverter.convert(
                        dir.resolve("none.csv"),
                        Optional.empty(),
                        PredictionsFolder.open(LocalDatasource.create(out), "w2", false)))
                .hasMessage(
                        "The file " + dir.resolve("none.csv") + " given with --csv does not exist or is not a file.");
    }

    @Test
    void bytesThatAreNotUtf8_oneSentenceNamingTheOffset() throws Exception {
        Path csv = dir.resolve("latin1.csv");
        Files.write(
                csv, new byte[] {'f', 'i', 'l', 'e', 'n', 'a', 'm', 'e', ',', 'c', '\n', 'x', ',', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> ClassificationCsvConverter.convert(
                        csv,
                        Optional.empty(),
                        PredictionsFolder.open(LocalDatasource.create(dir.resolve("o")), "c", false)))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The file " + csv + " is not UTF-8 text: the byte at offset 13 (0xe9) does not belong to a"
                        + " UTF-8 character.");
    }

    /** A fuzz finding: the name reached the staging write and escaped as an exception about the path. */
    @Test
    void nulInAFileName_aDiagnosticForItsLine() throws Exception {
        Path csv = dir.resolve("nul.csv");
        Files.writeString(csv, "a\0b.png,cat\nc.png,cat\n");
        Path out = dir.resolve("out");
        ConversionReport report = ClassificationCsvConverter.convert(
                csv, Optional.empty(), PredictionsFolder.open(LocalDatasource.create(out), "nul", false));
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                                "C502",
                                "nul.csv",
                                "",
                                "Line 1: The file name 'a\\0b.png' holds a NUL character, which no file name may hold."
                                        + " The line is skipped.")
                        .at(1, 1));
        assertThat(report.predictionFiles()).isEqualTo(1);
        try (var files = Files.list(out.resolve(".lightly/predictions/nul"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("c.json", "schema.json");
        }
    }

    /**
     * A fuzz finding: names with one stem share a prediction file, which two threads wrote at once.
     * The first line keeps it, every later one is skipped with a diagnostic.
     */
    @Test
    void namesSharingAPredictionFile_theFirstLineKeepsIt() throws Exception {
        Path csv = dir.resolve("stems.csv");
        Files.writeString(csv, "a.jpg,cat\nd/a.png,dog\na.png,dog\na.PNG,cat\nd/a.jpg,cat\n");
        Path out = dir.resolve("out");
        ConversionReport report = ClassificationCsvConverter.convert(
                csv, Optional.empty(), PredictionsFolder.open(LocalDatasource.create(out), "s", false));
        Path task = out.resolve(".lightly/predictions/s");
        assertThat(Files.readString(task.resolve("a.json")))
                .isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":[{\"category_id\":0}]}\n");
        assertThat(Files.readString(task.resolve("d/a.json")))
                .isEqualTo("{\"file_name\":\"d/a.png\",\"predictions\":[{\"category_id\":1}]}\n");
        assertThat(report.predictionFiles()).isEqualTo(2);
        assertThat(report.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "Line 3: The file 'a.png' would have the prediction file a.json of 'a.jpg' on line 1."
                                + " The line is skipped.",
                        "Line 4: The file 'a.PNG' would have the prediction file a.json of 'a.jpg' on line 1."
                                + " The line is skipped.",
                        "Line 5: The file 'd/a.jpg' would have the prediction file d/a.json of 'd/a.png' on line 2."
                                + " The line is skipped.");
        assertThat(FolderChecks.errors(out, "s", Map.of())).isEmpty();
    }
}
