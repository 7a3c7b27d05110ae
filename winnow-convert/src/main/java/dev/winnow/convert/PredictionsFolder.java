package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.OutputLock;
import dev.winnow.datasource.OutputLockedException;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One task of {@code .lightly/predictions/} in an output datasource, as a converter fills it.
 *
 * <p>The task is written into a hidden staging folder in the predictions folder
 * ({@code .lightly/predictions/.<task>.staging-<random>/}, a nested task's '/' as '.') with plain file creates: no
 * temporary name per file and no flush to disk, each sub-folder created once. {@link #finish} then writes
 * {@code schema.json} there, renames the staging folder to the task folder in one step and last
 * merges the task into {@code tasks.json} (existing tasks kept, the new one appended when missing).
 * So a conversion killed midway leaves no half-written task visible, only a stale hidden folder
 * outside every task folder, which validation and runs never read and {@link #discard} removes.
 * The folder's name also names the process that made it ({@link StagingOwner}); {@link #open}
 * removes the hidden folders whose process is proven gone and lists them in
 * {@link #removedAbandoned}. A conversion is cheap
 * to repeat, so a machine crash may leave empty prediction files; the schema and task list are
 * flushed.
 *
 * <p>An existing task (listed in {@code tasks.json}, its folder not empty) is refused unless
 * {@code overwrite} is set. A folder of an unlisted task is not a task for the format: it is what a
 * conversion killed between publishing its folder and listing it leaves (or, in a bucket, one killed
 * midway), so it is replaced as if {@code overwrite} were set and the same command run again
 * finishes. With {@code overwrite}, the staged folder and the old one are
 * swapped in one step where the file system can ({@link Datasource#exchangeFolders}), so a reader
 * finds the old task whole until the new one is whole in its place, and the old one is deleted: no
 * file of the old task survives. Where it cannot, or tasks are nested below this one (their
 * folders are carried over), the old folder is renamed away before the staged one is renamed in,
 * and between the two renames the task folder is briefly absent.
 *
 * <p>A datasource that cannot move folders ({@link Datasource#canMoveFolders}, an object store) gets
 * each file written atomically in place instead ({@link Datasource#writeAtomicallyWithoutSync}),
 * {@code schema.json} after them and {@code tasks.json} last: the format reads only listed tasks, so
 * a new task appears whole or not at all. An overwrite there replaces files one by one, so the old
 * task stays readable, and once the new {@code tasks.json} is written deletes the files of the old
 * task that the new one did not write (those of tasks nested in it are kept).
 *
 * <pre>{@code
 * PredictionsFolder folder = PredictionsFolder.open(output, "detections", false);
 * folder.writeAll(n, i -> new PredictionsFolder.Entry(names[i], json(i)));
 * folder.finish(schema);
 * }</pre>
 *
 * <p>Sample names may lie in a folder of the datasource ({@code images/} when the images are in
 * {@code data/images} and the datasource is {@code data}); {@link #sampleName} puts that folder
 * in front of a name relative to it.
 *
 * <p>Thread-safe for concurrent {@link #write} calls.
 */
public final class PredictionsFolder {
    /** The folder of all tasks, relative to the output root. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final Datasource output;
    private final String task;
    /** The task folder relative to the output root. */
    private final String folder;
    /** Where files go until {@link #finish}; null when the datasource cannot move folders. */
    private final @Nullable String staging;
    /** Without staging: the files the task folder held before, to delete those not written again; empty otherwise. */
    private final List<String> previousFiles;
    /** Without staging and with previous files: the paths written, so the rest can go. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** The folder of the samples inside the datasource, with a trailing '/', or "". */
    private final String sampleFolder;

    private final List<Abandoned> removedAbandoned;
    private volatile boolean finished;

    private PredictionsFolder(
            Datasource output,
            String task,
            @Nullable String staging,
            String sampleFolder,
            List<Abandoned> removed,
            List<String> previousFiles) {
        this.output = output;
        this.task = task;
        this.folder = PredictionsLayout.taskFolder(task);
        this.staging = staging;
        this.previousFiles = previousFiles;
        this.sampleFolder = sampleFolder;
        this.removedAbandoned = List.copyOf(removed);
    }

    /** A hidden folder of an earlier conversion whose process is gone, removed by {@link #open}. */
    public record Abandoned(String folder, long pid, String host) {}

    /**
     * The task {@code task} in {@code output}; refuses an invalid task name, and an existing task
     * folder unless {@code overwrite}.
     */
    public static PredictionsFolder open(Datasource output, String task, boolean overwrite)
            throws ConversionException, IOException {
        return open(output, task, overwrite, "");
    }

    /**
     * As {@link #open(Datasource, String, boolean)}, with the samples' names given relative to the
     * folder {@code sampleFolder} of the datasource ("" for its root).
     */
    public static PredictionsFolder open(Datasource output, String task, boolean overwrite, String sampleFolder)
            throws ConversionException, IOException {
        if (!TaskList.isValidName(task)) {
            throw new ConversionException(
                    "The task name '" + task + "' is not valid; use letters, digits and _+=,.@:/- only.");
        }
        // Only a listed task exists for the format; an unlisted folder of that name is what a
        // conversion killed before listing its task left, and is replaced like an overwritten task.
        boolean occupied = !output.list(PredictionsLayout.taskFolder(task)).isEmpty();
        if (occupied && !overwrite && existingTasks(output).contains(task)) {
            throw new ConversionException(
                    "The task folder " + PredictionsLayout.taskFolder(task) + " already exists in "
                            + output.description() + "; pass --overwrite to replace it or choose another --task.");
        }
        String prefix = sampleFolder.isEmpty() || sampleFolder.endsWith("/") ? sampleFolder : sampleFolder + "/";
        if (!output.canMoveFolders()) {
            return new PredictionsFolder(
                    output,
                    task,
                    null,
                    prefix,
                    List.of(),
                    occupied ? output.list(PredictionsLayout.ROOT + "/" + task) : List.of());
        }
        List<Abandoned> removed = removeAbandoned(output);
        return new PredictionsFolder(output, task, hiddenFolder(task, "staging"), prefix, removed, List.of());
    }

    /** Deletes the hidden folders of conversions whose process is proven gone (see {@link StagingOwner}). */
    private static List<Abandoned> removeAbandoned(Datasource output) throws IOException {
        List<Abandoned> removed = new ArrayList<>();
        for (String name : output.folders(PredictionsLayout.ROOT)) {
            Optional<StagingOwner.Named> named = StagingOwner.parse(name);
            if (named.isPresent() && named.get().owner().provenGone()) {
                output.deleteFolder(PredictionsLayout.ROOT + "/" + name);
                removed.add(new Abandoned(
                        PredictionsLayout.ROOT + "/" + name,
                        named.get().owner().pid(),
                        named.get().owner().host()));
            }
        }
        return removed;
    }

    /** The hidden folders of stopped conversions that {@link #open} removed. */
    public List<Abandoned> removedAbandoned() {
        return removedAbandoned;
    }

    /** {@code x.jpg} relative to the samples' folder → its sample name in the datasource ({@code images/x.jpg}). */
    public String sampleName(String relative) {
        return sampleFolder.isEmpty() ? relative : sampleFolder + relative;
    }

    /**
     * {@code a/b} → {@code .lightly/predictions/.a.b.<kind>-<random>.<owner>}: a hidden folder directly in
     * the predictions folder, never inside a task folder (a nested task's parent), which validation
     * and runs list; the same file system, so a rename moves it.
     */
    private static String hiddenFolder(String task, String kind) {
        return PredictionsLayout.ROOT + "/." + task.replace('/', '.') + "." + kind + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "."
                + StagingOwner.current().suffix();
    }

    public String task() {
        return task;
    }

    public Datasource output() {
        return output;
    }

    /** Path of a sample's prediction file relative to the output root. */
    public String pathOf(String sampleName) {
        return PredictionsLayout.file(task, sampleName);
    }

    /** Writes the prediction file of one sample (into the staging folder until {@link #finish}). */
    public void write(String sampleName, byte[] json) throws IOException {
        if (staging == null) {
            String path = pathOf(sampleName);
            output.writeAtomicallyWithoutSync(path, json);
            if (!previousFiles.isEmpty()) {
                written.add(path);
            }
        } else {
            output.writeInStaging(staging + "/" + PredictionsLayout.fileInTask(sampleName), json);
        }
    }

    /** One prediction file to write: the sample's name and the file's bytes. */
    public record Entry(String sampleName, byte[] json) {}

    /**
     * Writes {@code count} prediction files in parallel; {@code entry} builds file {@code i} (and is
     * called from several threads at once).
     */
    public void writeAll(int count, IntFunction<Entry> entry) throws IOException {
        forEachInParallel(count, writerThreads(), i -> {
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
        forEachInParallel(count, WRITER_THREADS, task);
    }

    private static void forEachInParallel(int count, int maxThreads, IndexedTask task) throws IOException {
        if (count == 0) {
            return;
        }
        int threads = Math.min(count, maxThreads);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(
                    () -> {
                        int i;
                        while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                            try {
                                task.run(i);
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                    },
                    WriterThreads.name(t));
            workers[t].start();
        }
        WriterThreads.joinAll(workers);
        WriterThreads.rethrow(failure.get());
    }

    /** How long publishing waits for another command's lock on the output before it is refused. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    /**
     * Threads that write this folder's prediction files at once: {@link #WRITER_THREADS} on a disk,
     * and as many as the location keeps requests in flight on an object store, where each write is
     * one request that waits on the network, not on the processor.
     */
    public int writerThreads() {
        return output.canMoveFolders() ? WRITER_THREADS : Math.max(WRITER_THREADS, output.parallelReads());
    }

    /** Threads that write prediction files at once on a disk. */
    public static final int WRITER_THREADS =
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /**
     * Writes {@code schema.json}, publishes the task folder (see the class comment), then adds the
     * task to {@code tasks.json}. A {@code tasks.json} that cannot be read is reported before
     * anything is published.
     */
    public void finish(TaskSchema schema) throws IOException, ConversionException {
        existingTasks(); // an unreadable task list is reported before the output lock is waited for
        Optional<Path> local =
                output.rootUri().filter(u -> "file".equals(u.getScheme())).map(Path::of);
        if (local.isEmpty()) {
            publishAndList(schema);
            return;
        }
        // Publishing and the read-modify-write of tasks.json happen under the output's lock, so
        // conversions of several tasks into one output at once all end listed, and none lands
        // while a run writes there.
        try (OutputLock lock = OutputLock.acquire(local.get(), "winnow convert", LOCK_WAIT)) {
            publishAndList(schema);
        } catch (OutputLockedException e) {
            throw new ConversionException(e.getMessage());
        }
    }

    private void publishAndList(TaskSchema schema) throws IOException, ConversionException {
        List<String> tasks = new ArrayList<>(existingTasks());
        byte[] schemaBytes = PredictionWriter.toBytes(schema);
        if (staging == null) {
            output.writeAtomically(folder + "/" + PredictionsLayout.SCHEMA, schemaBytes);
        } else {
            // Written with a flush, and it makes the staging folder when no prediction file did.
            output.writeAtomically(staging + "/" + PredictionsLayout.SCHEMA, schemaBytes);
            publish(staging, tasks);
        }
        finished = true;
        if (!tasks.contains(task)) {
            tasks.add(task);
        }
        output.writeAtomically(PredictionsLayout.TASKS_FILE, PredictionWriter.toBytes(new TaskList(tasks)));
        if (staging == null) {
            deleteLeftovers(tasks);
        }
    }

    /**
     * After an in-place overwrite: deletes the old task's files the new one did not write, keeping nested tasks'
     * folders.
     */
    private void deleteLeftovers(List<String> tasks) throws IOException {
        List<String> nestedFolders = new ArrayList<>();
        for (String other : tasks) {
            if (other.startsWith(task + "/")) {
                nestedFolders.add(PredictionsLayout.ROOT + "/" + other + "/");
            }
        }
        for (String path : previousFiles) {
            boolean kept = written.contains(path)
                    || path.equals(folder + "/schema.json")
                    || nestedFolders.stream().anyMatch(path::startsWith);
            if (!kept) {
                output.delete(path);
            }
        }
    }

    /**
     * Publishes the task as {@link #finish} does, unless the conversion converted nothing
     * ({@link ConversionReport#convertedNothing}): then the staged files are deleted and nothing is
     * published, so a later attempt is not refused as existing. Returns {@code report}.
     */
    public ConversionReport finishUnlessNothingConverted(Supplier<TaskSchema> schema, ConversionReport report)
            throws IOException, ConversionException {
        if (report.convertedNothing()) {
            discard();
        } else {
            finish(schema.get());
        }
        return report;
    }

    /**
     * Renames the staging folder into place; an existing folder is swapped with it in one step
     * ({@link Datasource#exchangeFolders}) and deleted. Where no such swap exists, or tasks are
     * nested in the old folder (their folders are carried over), the old folder is renamed away
     * first; when the new folder cannot be renamed in then, the old one is put back.
     */
    private void publish(String staging, List<String> tasks) throws IOException {
        List<String> nested = outermostNested(tasks);
        if (nested.isEmpty()) {
            // Swapped in one step where the file system can: the old task stays whole until the new
            // one is in place, and then lies under the staging name until it is deleted.
            try {
                if (output.exchangeFolders(staging, folder)) {
                    output.deleteFolder(staging);
                    return;
                }
            } catch (NoSuchFileException e) {
                // no old folder: renamed in below
            }
        }
        String replaced = hiddenFolder(task, "replaced");
        try {
            output.moveFolder(folder, replaced);
        } catch (NoSuchFileException e) {
            output.moveFolder(staging, folder);
            return;
        }
        try {
            for (String inner : nested) {
                try {
                    output.moveFolder(replaced + "/" + inner, staging + "/" + inner);
                } catch (NoSuchFileException e) {
                    // listed, but it has no folder yet
                }
            }
            output.moveFolder(staging, folder);
        } catch (IOException | RuntimeException e) {
            try {
                output.moveFolder(replaced, folder);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        output.deleteFolder(replaced);
    }

    /**
     * The tasks nested in this one, relative to its folder, leaving out those inside another of them (moved with it).
     */
    private List<String> outermostNested(List<String> tasks) {
        List<String> nested = new ArrayList<>();
        for (String other : tasks) {
            if (other.startsWith(task + "/")) {
                nested.add(other.substring(task.length() + 1));
            }
        }
        Collections.sort(nested);
        List<String> outermost = new ArrayList<>();
        for (String name : nested) {
            if (outermost.isEmpty() || !name.startsWith(outermost.get(outermost.size() - 1) + "/")) {
                outermost.add(name);
            }
        }
        return outermost;
    }

    /**
     * Deletes the staging folder of a conversion that failed, so nothing of it is left; does
     * nothing after {@link #finish} or when files are written in place.
     */
    public void discard() throws IOException {
        if (staging != null && !finished) {
            output.deleteFolder(staging);
        }
    }

    private List<String> existingTasks() throws IOException, ConversionException {
        return existingTasks(output);
    }

    /** The tasks {@code tasks.json} of {@code output} lists (none when it has none); refused when it cannot be read. */
    private static List<String> existingTasks(Datasource output) throws IOException, ConversionException {
        String path = PredictionsLayout.TASKS_FILE;
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
            throw new ConversionException("The existing " + where
                    + " is not a JSON list of task names; fix or remove it" + " so the task can be added.");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode name = tree.get(i);
            if (!name.isString()) {
                throw new ConversionException("Entry " + i + " of the existing " + where
                        + " is not a string; fix or remove" + " it so the task can be added.");
            }
            names.add(name.asString());
        }
        return names;
    }
}
