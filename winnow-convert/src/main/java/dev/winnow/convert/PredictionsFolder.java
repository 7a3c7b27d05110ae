package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One task of {@code .lightly/predictions/} in an output datasource, as a converter fills it.
 *
 * <p>Order of writes, so an interrupted conversion never lists a half-written task: first every
 * prediction file, then {@code schema.json}, and last {@code tasks.json}, merged (existing tasks
 * kept, the new one appended when missing). Every file is written atomically by the datasource;
 * prediction files without a flush to disk each ({@link Datasource#writeAtomicallyWithoutSync}),
 * since a conversion is cheap to repeat and 100k flushes would cost minutes, the schema and task
 * list with one.
 * An existing task folder is refused unless {@code overwrite} is set; with it, files are replaced
 * and files of the old task that the new conversion does not write are left in place.
 *
 * <pre>{@code
 * PredictionsFolder folder = PredictionsFolder.open(output, "detections", false);
 * folder.writeAll(n, i -> new PredictionsFolder.Entry(names[i], json(i)));
 * folder.finish(schema);
 * }</pre>
 *
 * <p>Thread-safe for concurrent {@link #write} calls.
 */
public final class PredictionsFolder {
    /** The folder of all tasks, relative to the output root. */
    public static final String ROOT = ".lightly/predictions";

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final Datasource output;
    private final String task;

    private PredictionsFolder(Datasource output, String task) {
        this.output = output;
        this.task = task;
    }

    /**
     * The task {@code task} in {@code output}; refuses an invalid task name, and an existing task
     * folder unless {@code overwrite}.
     */
    public static PredictionsFolder open(Datasource output, String task, boolean overwrite)
            throws ConversionException, IOException {
        if (!TaskList.isValidName(task)) {
            throw new ConversionException("The task name '" + task + "' is not valid; use letters, digits and _+=,.@:/- only.");
        }
        if (!overwrite && !output.list(ROOT + "/" + task).isEmpty()) {
            throw new ConversionException("The task folder " + ROOT + "/" + task + " already exists in "
                    + output.description() + "; pass --overwrite to replace it or choose another --task.");
        }
        return new PredictionsFolder(output, task);
    }

    public String task() {
        return task;
    }

    public Datasource output() {
        return output;
    }

    /** Path of a sample's prediction file relative to the output root. */
    public String pathOf(String sampleName) {
        return ROOT + "/" + task + "/" + SampleNames.predictionFile(sampleName);
    }

    /** Writes the prediction file of one sample. */
    public void write(String sampleName, byte[] json) throws IOException {
        output.writeAtomicallyWithoutSync(pathOf(sampleName), json);
    }

    /** One prediction file to write: the sample's name and the file's bytes. */
    public record Entry(String sampleName, byte[] json) {
    }

    /**
     * Writes {@code count} prediction files in parallel; {@code entry} builds file {@code i} (and is
     * called from several threads at once).
     */
    public void writeAll(int count, IntFunction<Entry> entry) throws IOException {
        forEachInParallel(count, i -> {
            Entry e = entry.apply(i);
            write(e.sampleName(), e.json());
        });
    }

    /** One unit of work that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IndexedTask {
        void run(int index) throws IOException;
    }

    /**
     * Runs {@code task} for 0 to {@code count - 1} on {@link #WRITER_THREADS} threads: building a file
     * is processor work, writing it waits on system calls, so twice as many threads as cores keep
     * both busy. The first failure stops the rest and is rethrown.
     */
    public static void forEachInParallel(int count, IndexedTask task) throws IOException {
        if (count == 0) {
            return;
        }
        int threads = Math.min(count, WRITER_THREADS);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                    try {
                        task.run(i);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "winnow-writer-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while writing prediction files.");
            }
        }
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IOException(e);
        }
    }

    /** Threads that write prediction files at once. */
    public static final int WRITER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /** Writes {@code schema.json}, then adds the task to {@code tasks.json}. */
    public void finish(TaskSchema schema) throws IOException, ConversionException {
        output.writeAtomically(ROOT + "/" + task + "/schema.json", PredictionWriter.toBytes(schema));
        List<String> tasks = new ArrayList<>(existingTasks());
        if (!tasks.contains(task)) {
            tasks.add(task);
        }
        output.writeAtomically(ROOT + "/tasks.json", PredictionWriter.toBytes(new TaskList(tasks)));
    }

    private List<String> existingTasks() throws IOException, ConversionException {
        String path = ROOT + "/tasks.json";
        Optional<Datasource.FileStat> stat = output.stat(path);
        if (stat.isEmpty()) {
            return List.of();
        }
        byte[] bytes = output.readAllBytes(path, 16L << 20);
        String where = path + " in " + output.description();
        JsonNode tree;
        try {
            tree = LENIENT.readTree(bytes);
        } catch (JacksonException e) {
            throw new ConversionException("The existing " + where + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove it so the task can be added.");
        }
        if (tree == null || !tree.isArray()) {
            throw new ConversionException("The existing " + where + " is not a JSON list of task names; fix or remove it"
                    + " so the task can be added.");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode name = tree.get(i);
            if (!name.isString()) {
                throw new ConversionException("Entry " + i + " of the existing " + where + " is not a string; fix or remove"
                        + " it so the task can be added.");
            }
            names.add(name.asString());
        }
        return names;
    }
}
