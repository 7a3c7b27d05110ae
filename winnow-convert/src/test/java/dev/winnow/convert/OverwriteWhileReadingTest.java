package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overwrite} of a task in a local folder while a reader that follows the format polls it:
 * the task is listed in {@code tasks.json} and its folder's name holds a whole task (the old or
 * the new) at every moment.
 */
class OverwriteWhileReadingTest {
    private static final int OVERWRITES = 400;
    private static final List<String> SAMPLES = List.of("a.png", "b.png", "c.png");
    private static final Set<String> TASK_FILES = Set.of("a.json", "b.json", "c.json", "schema.json");

    @TempDir
    Path dir;

    @Test
    void aReaderPollingDuringOverwrites_alwaysFindsTheTaskListedAndWhole() throws Exception {
        LocalDatasource output = LocalDatasource.create(dir);
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        assumeTrue(
                output.exchangeFolders("x", "y"),
                "this file system cannot swap two folders in one step, so an overwrite renames twice");
        convert(output, 0, false);
        Path predictions = dir.resolve(".lightly/predictions");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger spanningASwap = new AtomicInteger();
        List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                String problem = poll(predictions, spanningASwap);
                polls.incrementAndGet();
                if (problem != null && failures.incrementAndGet() <= 3) {
                    firstFailures.add(problem);
                }
            }
        });
        reader.start();
        try {
            for (int i = 1; i <= OVERWRITES; i++) {
                convert(output, i % 2, true);
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(firstFailures)
                .as("%d of %d polls failed", failures.get(), polls.get())
                .isEmpty();
        assertThat(polls.get() - spanningASwap.get()).isPositive();
        assertThat(Files.readString(predictions.resolve("t/a.json"))).isEqualTo(prediction(0, "a.png"));
        try (Stream<Path> left = Files.list(predictions)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted())
                    .as("no staged or replaced folder is left")
                    .containsExactly("t", "tasks.json");
        }
    }

    /**
     * What a reader finds now: null when the task is listed and whole, else the problem. A folder
     * that was swapped out while it was being read is deleted under the reader, as any replaced
     * file is; such a poll (the task folder's identity changed meanwhile) counts only when the
     * task was missing.
     */
    private static @Nullable String poll(Path predictions, AtomicInteger spanningASwap) {
        Path task = predictions.resolve("t");
        Object folder;
        try {
            folder = identity(task);
        } catch (IOException e) {
            return "the task folder was absent (" + e.getMessage() + ")";
        }
        String problem;
        try {
            problem = readTask(predictions, task);
        } catch (NoSuchFileException e) {
            problem = e.getFile() + " was absent";
        } catch (IOException e) {
            problem = e.toString();
        }
        try {
            if (problem != null && !identity(task).equals(folder)) {
                spanningASwap.incrementAndGet();
                return null;
            }
        } catch (IOException e) {
            return "the task folder was absent (" + e.getMessage() + ")";
        }
        return problem;
    }

    private static Object identity(Path folder) throws IOException {
        return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
    }

    private static @Nullable String readTask(Path predictions, Path task) throws IOException {
        String tasks = Files.readString(predictions.resolve("tasks.json"));
        if (!tasks.equals("[\"t\"]\n")) {
            return "tasks.json held " + tasks;
        }
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(task)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        if (!names.equals(TASK_FILES)) {
            return "the task folder held " + names;
        }
        String schema = Files.readString(task.resolve("schema.json"));
        if (!schema.equals(schemaText(0)) && !schema.equals(schemaText(1))) {
            return "schema.json held " + schema;
        }
        for (String sample : SAMPLES) {
            String file = sample.replace(".png", ".json");
            String text = Files.readString(task.resolve(file));
            if (!text.equals(prediction(0, sample)) && !text.equals(prediction(1, sample))) {
                return file + " held " + text;
            }
        }
        return null;
    }

    private static void convert(LocalDatasource output, int version, boolean overwrite) throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(output, "t", overwrite);
        folder.writeAll(
                SAMPLES.size(),
                i -> new PredictionsFolder.Entry(
                        SAMPLES.get(i), prediction(version, SAMPLES.get(i)).getBytes(StandardCharsets.UTF_8)));
        folder.finish(schema(version));
    }

    private static TaskSchema schema(int version) {
        return new TaskSchema(
                TaskType.CLASSIFICATION,
                version == 0 ? List.of(Category.of(0, "cat")) : List.of(Category.of(0, "cat"), Category.of(1, "dog")));
    }

    private static String schemaText(int version) {
        return new String(PredictionWriter.toBytes(schema(version)), StandardCharsets.UTF_8);
    }

    private static String prediction(int version, String sample) {
        return "{\"file_name\":\"" + sample + "\",\"predictions\":[{\"category_id\":" + version + "}]}\n";
    }
}
