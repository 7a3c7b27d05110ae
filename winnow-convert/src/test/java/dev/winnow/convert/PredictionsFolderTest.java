package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.WriteRefusedException;
import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFolderTest {
    @TempDir
    Path dir;

    @Test
    void invalidTaskName() {
        assertThatThrownBy(() -> PredictionsFolder.open(LocalDatasource.create(dir), "bad name", false))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The task name 'bad name' is not valid; use letters, digits and _+=,.@:/- only.");
    }

    @Test
    void writesMirrorSampleNames_andTasksJsonLast() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        folder.writeAll(3, i -> new PredictionsFolder.Entry("d" + i + "/img" + i + ".jpeg", ("{" + i + "}").getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.exists(dir.resolve(".lightly/predictions/tasks.json"))).isFalse();
        folder.finish(new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a"))));
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/d2/img2.json"))).isEqualTo("{2}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/tasks.json"))).isEqualTo("[\"t\"]\n");
        try (var listing = Files.list(dir.resolve(".lightly/predictions/t/d0"))) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("img0.json"); // no temporary left
        }
    }

    @Test
    void tasksJsonEntryNotAString() throws Exception {
        Files.createDirectories(dir.resolve(".lightly/predictions"));
        Files.writeString(dir.resolve(".lightly/predictions/tasks.json"), "[\"a\", 3]");
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        assertThatThrownBy(() -> folder.finish(new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a")))))
                .hasMessage("Entry 1 of the existing .lightly/predictions/tasks.json in " + dir
                        + " is not a string; fix or remove it so the task can be added.");
    }

    @Test
    void guardedOutput_neverWritesIntoTheInputOutsideLightly() throws Exception {
        LocalDatasource input = LocalDatasource.create(dir.resolve("in"));
        OutputLocation guarded = OutputLocation.guard(input, input);
        PredictionsFolder folder = PredictionsFolder.open(guarded, "t", false);
        folder.write("img.png", new byte[] {'{', '}'});
        assertThat(Files.exists(dir.resolve("in/.lightly/predictions/t/img.json"))).isTrue();
        assertThatThrownBy(() -> guarded.writeAtomicallyWithoutSync("img.json", new byte[0]))
                .isInstanceOf(WriteRefusedException.class);
    }

    @Test
    void sampleNames() {
        assertThat(SampleNames.predictionFile("a/b.c/img.tar.png")).isEqualTo("a/b.c/img.tar.json");
        assertThat(SampleNames.problem("a/./b.jpg")).contains("The file name 'a/./b.jpg' has an empty, '.' or '..' part; it must stay"
                + " inside the image folder.");
        assertThat(SampleNames.problem("/abs.jpg")).contains("The file name '/abs.jpg' is absolute; it must be relative to the image folder.");
        assertThat(SampleNames.problem("a\\b.jpg")).contains("The file name 'a\\b.jpg' contains '\\'; use '/' between folders.");
        assertThat(SampleNames.problem("noext")).contains("The file name 'noext' has no extension such as .jpg or .png.");
        assertThat(SampleNames.problem("ok/fine.png")).isEmpty();
    }
}
