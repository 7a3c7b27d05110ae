package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.coco.CocoConverter;
import dev.winnow.convert.coco.CocoOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.WriteRefusedException;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        folder.writeAll(
                3,
                i -> new PredictionsFolder.Entry(
                        "d" + i + "/img" + i + ".jpeg", ("{" + i + "}").getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.exists(dir.resolve(".lightly/predictions/tasks.json"))).isFalse();
        folder.finish(new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a"))));
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/d2/img2.json")))
                .isEqualTo("{2}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/tasks.json")))
                .isEqualTo("[\"t\"]\n");
        try (var listing = Files.list(dir.resolve(".lightly/predictions/t/d0"))) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("img0.json"); // no temporary left
        }
    }

    @Test
    void conversionsOfDifferentTasksIntoOneOutputAtOnce_allEndListed() throws Exception {
        int tasks = 12;
        CyclicBarrier together = new CyclicBarrier(tasks);
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        List<Future<Object>> done = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            String task = "task" + t;
            done.add(pool.submit(() -> {
                PredictionsFolder folder = PredictionsFolder.open(
                        OutputLocation.guard(LocalDatasource.create(dir), LocalDatasource.create(dir.resolve("in"))),
                        task,
                        false);
                folder.write("img.png", new byte[] {'{', '}'});
                together.await(); // every read-modify-write of tasks.json at the same moment
                folder.finish(new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a"))));
                return null;
            }));
        }
        for (Future<Object> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String listed = Files.readString(dir.resolve(".lightly/predictions/tasks.json"));
        for (int t = 0; t < tasks; t++) {
            assertThat(listed).contains("\"task" + t + "\"");
        }
        assertThat(listed.split(",")).hasSize(tasks);
        assertThat(Files.size(dir.resolve(".winnow/lock"))).isZero();
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
        folder.finish(new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a"))));
        assertThat(Files.exists(dir.resolve("in/.lightly/predictions/t/img.json")))
                .isTrue();
        assertThatThrownBy(() -> guarded.writeAtomicallyWithoutSync("img.json", new byte[0]))
                .isInstanceOf(WriteRefusedException.class);
    }

    private static final TaskSchema SCHEMA = new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "a")));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> namesIn(String folder) throws IOException {
        try (var listing = Files.list(dir.resolve(folder))) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesStayInAHiddenStagingFolderUntilFinish() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        folder.write("a/img.png", utf8("{1}"));
        folder.write("b.png", utf8("{2}"));

        List<String> before = namesIn(".lightly/predictions");
        assertThat(before).hasSize(1);
        assertThat(before.get(0))
                .matches(
                        "\\.t\\.staging-[0-9a-f]+\\.p" + ProcessHandle.current().pid() + "-t[0-9]+-h[a-z0-9.-]+");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/" + before.get(0) + "/a/img.json")))
                .isEqualTo("{1}");

        folder.finish(SCHEMA);

        assertThat(namesIn(".lightly/predictions")).containsExactly("t", "tasks.json");
        assertThat(namesIn(".lightly/predictions/t")).containsExactly("a", "b.json", "schema.json");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/a/img.json")))
                .isEqualTo("{1}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/schema.json")))
                .isEqualTo("{\"task_type\":\"classification\",\"categories\":[{\"id\":0,\"name\":\"a\"}]}\n");
    }

    @Test
    void noSampleAtAll_stillPublishesTheSchema() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "empty", false);

        folder.finish(SCHEMA);

        assertThat(namesIn(".lightly/predictions")).containsExactly("empty", "tasks.json");
        assertThat(namesIn(".lightly/predictions/empty")).containsExactly("schema.json");
    }

    @Test
    void overwrite_replacesTheWholeFolderAndKeepsNestedTasks() throws Exception {
        PredictionsFolder first = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        first.write("old/only.png", utf8("{old}"));
        first.write("both.png", utf8("{old}"));
        first.finish(SCHEMA);
        PredictionsFolder deeper = PredictionsFolder.open(LocalDatasource.create(dir), "t/inner/deep", false);
        deeper.write("d.png", utf8("{deep}"));
        deeper.finish(SCHEMA);
        PredictionsFolder nested = PredictionsFolder.open(LocalDatasource.create(dir), "t/inner", true);
        nested.write("n.png", utf8("{nested}"));
        nested.finish(SCHEMA);

        assertThatThrownBy(() -> PredictionsFolder.open(LocalDatasource.create(dir), "t", false))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The task folder .lightly/predictions/t already exists in " + dir
                        + "; pass --overwrite to replace it or choose another --task.");
        PredictionsFolder second = PredictionsFolder.open(LocalDatasource.create(dir), "t", true);
        second.write("both.png", utf8("{new}"));
        second.finish(SCHEMA);

        assertThat(namesIn(".lightly/predictions")).containsExactly("t", "tasks.json");
        assertThat(namesIn(".lightly/predictions/t")).containsExactly("both.json", "inner", "schema.json");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/both.json")))
                .isEqualTo("{new}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/inner/n.json")))
                .isEqualTo("{nested}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/inner/deep/d.json")))
                .isEqualTo("{deep}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/tasks.json")))
                .isEqualTo("[\"t\",\"t/inner/deep\",\"t/inner\"]\n");
    }

    @Test
    void discard_removesTheStagingFolder() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        folder.write("a/img.png", utf8("{1}"));

        folder.discard();

        assertThat(namesIn(".lightly/predictions")).isEmpty();
    }

    @Test
    void brokenTasksJson_publishesNothing() throws Exception {
        Files.createDirectories(dir.resolve(".lightly/predictions"));
        Files.writeString(dir.resolve(".lightly/predictions/tasks.json"), "{}");
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        folder.write("a.png", utf8("{1}"));

        assertThatThrownBy(() -> folder.finish(SCHEMA))
                .hasMessage("The existing .lightly/predictions/tasks.json in " + dir
                        + " is not a JSON list of task names; fix or remove it so the task can be added.");
        folder.discard();

        assertThat(namesIn(".lightly/predictions")).containsExactly("tasks.json");
    }

    @Test
    void datasourceWithoutFolderMoves_writesEachFileInPlace() throws Exception {
        Datasource plain = FlatDatasource.over(LocalDatasource.create(dir));
        PredictionsFolder folder = PredictionsFolder.open(plain, "t", false);

        folder.write("a.png", utf8("{1}"));
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/a.json")))
                .isEqualTo("{1}");
        folder.finish(SCHEMA);

        assertThat(namesIn(".lightly/predictions")).containsExactly("t", "tasks.json");
        assertThat(namesIn(".lightly/predictions/t")).containsExactly("a.json", "schema.json");
    }

    @Test
    void writers_twiceTheCoresOnAFolder_asManyAsTheRequestsInFlightOnABucket() throws Exception {
        int requests = 3 * PredictionsFolder.WRITER_THREADS;
        PredictionsFolder onDisk = PredictionsFolder.open(LocalDatasource.create(dir.resolve("disk")), "t", false);
        FlatDatasource bucket =
                FlatDatasource.withRequestsInFlight(LocalDatasource.create(dir.resolve("bucket")), requests);
        PredictionsFolder inBucket = PredictionsFolder.open(bucket, "t", false);

        assertThat(onDisk.writerThreads()).isEqualTo(PredictionsFolder.WRITER_THREADS);
        assertThat(inBucket.writerThreads()).isEqualTo(requests);
    }

    @Test
    void cocoConversionIntoABucket_keepsTheBucketsRequestsInFlight() throws Exception {
        int requests = 3 * PredictionsFolder.WRITER_THREADS;
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 2 * requests; i++) {
            images.append(i == 0 ? "" : ",")
                    .append("{\"id\": ")
                    .append(i)
                    .append(", \"file_name\": \"img")
                    .append(i)
                    .append(".png\", \"width\": 4, \"height\": 4}");
        }
        Path coco = dir.resolve("coco.json");
        Files.writeString(
                coco,
                "{\"images\": [" + images + "], \"annotations\": [], \"categories\": [{\"id\": 1, \"name\": \"a\"}]}");
        FlatDatasource bucket =
                FlatDatasource.withRequestsInFlight(LocalDatasource.create(dir.resolve("out")), requests);

        ConversionReport report = CocoConverter.convert(
                CocoOptions.of(coco, TaskType.OBJECT_DETECTION), PredictionsFolder.open(bucket, "det", false));

        assertThat(report.predictionFiles()).isEqualTo(2 * requests);
        assertThat(bucket.mostWritingAtOnce()).isEqualTo(requests);
        assertThat(Files.readString(dir.resolve("out/.lightly/predictions/det/img7.json")))
                .isEqualTo("{\"file_name\":\"img7.png\",\"predictions\":[]}\n");
    }

    @Test
    void overwriteWithoutFolderMoves_keepsTheOldTaskUntilTasksJsonThenDeletesItsLeftovers() throws Exception {
        Datasource plain = FlatDatasource.over(LocalDatasource.create(dir));
        PredictionsFolder first = PredictionsFolder.open(plain, "t", false);
        first.write("a.png", utf8("{old a}"));
        first.write("gone/b.png", utf8("{old b}"));
        first.finish(SCHEMA);
        PredictionsFolder nested = PredictionsFolder.open(plain, "t/inner", false);
        nested.write("c.png", utf8("{inner c}"));
        nested.finish(SCHEMA);

        PredictionsFolder second = PredictionsFolder.open(plain, "t", true);
        second.write("a.png", utf8("{new a}"));
        second.write("d.png", utf8("{new d}"));
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/gone/b.json")))
                .isEqualTo("{old b}");
        second.finish(SCHEMA);

        assertThat(plain.list(".lightly/predictions"))
                .containsExactly(
                        ".lightly/predictions/t/a.json",
                        ".lightly/predictions/t/d.json",
                        ".lightly/predictions/t/inner/c.json",
                        ".lightly/predictions/t/inner/schema.json",
                        ".lightly/predictions/t/schema.json",
                        ".lightly/predictions/tasks.json");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/a.json")))
                .isEqualTo("{new a}");
        assertThat(Files.readString(dir.resolve(".lightly/predictions/tasks.json")))
                .isEqualTo(new String(
                        PredictionWriter.toBytes(new TaskList(List.of("t", "t/inner"))), StandardCharsets.UTF_8));
    }

    @Test
    void sampleNames() {
        assertThat(PredictionsLayout.fileInTask("a/b.c/img.tar.png")).isEqualTo("a/b.c/img.tar.json");
        assertThat(SampleNames.problem("a/./b.jpg"))
                .contains("The file name 'a/./b.jpg' has an empty, '.' or '..' part; it must stay"
                        + " inside the image folder.");
        assertThat(SampleNames.problem("/abs.jpg"))
                .contains("The file name '/abs.jpg' is absolute; it must be relative to the image folder.");
        assertThat(SampleNames.problem("a\\b.jpg"))
                .contains("The file name 'a\\b.jpg' contains '\\'; use '/' between folders.");
        assertThat(SampleNames.problem("noext"))
                .contains("The file name 'noext' has no extension such as .jpg or .png.");
        assertThat(SampleNames.problem("ok/fine.png")).isEmpty();
    }
}
