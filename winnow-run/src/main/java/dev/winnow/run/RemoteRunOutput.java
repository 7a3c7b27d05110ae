package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.datapool.Datapool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A run whose output location is a bucket, which has no folders to build a run in and rename. The
 * run works in a local folder that starts with a copy of what earlier runs left in the bucket's
 * {@code .winnow/} (the datapools, not the old runs), exactly as a run into a local output would;
 * its new files are then published without a rename: the run's files and each datapool's new
 * generation, then the marker {@value RunFolder#COMPLETE}, then each datapool's {@code CURRENT},
 * after which older generations are deleted. A run killed at any point leaves the bucket as later
 * runs read it before, or as after the whole run once the marker is there: a run folder without
 * its marker is not a run, and a generation newer than {@code CURRENT} counts only when the run
 * it names has its marker (the copy of the state brings the markers along for that).
 *
 * <pre>{@code
 * RemoteRunOutput.Result result = RemoteRunOutput.run(pipeline, input, bucket, config, Optional.empty(), workFolder);
 * }</pre>
 */
public final class RemoteRunOutput {
    private static final String WINNOW = ".winnow";

    private RemoteRunOutput() {}

    /** The run's summary and where its folder and report are in the output location. */
    public record Result(RunSummary summary, String runLocation, String reportLocation) {
        /** The closing lines of the run, naming the bucket's locations. */
        public String toText() {
            return summary.toText(runLocation, reportLocation);
        }
    }

    /**
     * Runs {@code pipeline} over {@code input} into the bucket {@code output} (guarded against writes
     * into the input), working in the empty local folder {@code work}.
     */
    public static Result run(
            RunPipeline pipeline,
            Datasource input,
            Datasource output,
            RunConfig config,
            Optional<String> runId,
            Path work)
            throws IOException {
        if (runId.isPresent()) {
            RunFolder.requireValidId(runId.get());
            clearUnfinished(output, runId.get());
        }
        copyState(output, work);
        RunSummary summary = pipeline.run(new RunRequest(input, output, work, config, runId));
        String runPrefix = WINNOW + "/" + RunFolder.RUNS + "/" + summary.runId();
        if (output.stat(runPrefix + "/" + RunFolder.COMPLETE).isPresent()) {
            throw new IllegalArgumentException("A run with the id '" + summary.runId() + "' already exists at "
                    + output.description() + "/" + runPrefix + "; choose another --run-id or delete that folder.");
        }
        Path localRun = summary.runFolder();
        List<String> runFiles = new ArrayList<>(LocalDatasource.at(localRun).list(""));
        runFiles.remove(RunFolder.COMPLETE);
        List<StagedPool> pools = datapools(work.resolve(WINNOW));
        upload(output, localRun, runPrefix, runFiles);
        uploadGenerations(output, work.resolve(WINNOW), pools);
        upload(output, localRun, runPrefix, List.of(RunFolder.COMPLETE));
        switchDatapools(output, work.resolve(WINNOW), pools);
        String runLocation = output.description() + "/" + runPrefix;
        return new Result(summary, runLocation, runLocation + "/report.html");
    }

    /**
     * Removes the files of an unfinished run of this id (killed before its marker); a finished one is left for the
     * check.
     */
    private static void clearUnfinished(Datasource output, String runId) throws IOException {
        String prefix = WINNOW + "/" + RunFolder.RUNS + "/" + runId;
        if (output.stat(prefix + "/" + RunFolder.COMPLETE).isPresent()) {
            throw new IllegalArgumentException("A run with the id '" + runId + "' already exists at "
                    + output.description() + "/" + prefix + "; choose another --run-id or delete that folder.");
        }
        for (String path : output.list(prefix)) {
            output.delete(path);
        }
    }

    /**
     * Copies the datapools (everything in .winnow/ but the runs) into the working folder, and the
     * runs' completion markers, which say whether a staged datapool generation counts.
     */
    private static void copyState(Datasource output, Path work) throws IOException {
        List<String> state = new ArrayList<>(output.list(WINNOW, Set.of(RunFolder.RUNS)));
        for (String path : output.list(WINNOW + "/" + RunFolder.RUNS)) {
            if (path.endsWith("/" + RunFolder.COMPLETE)) {
                state.add(path);
            }
        }
        inParallel(output, state, path -> {
            Path file = work.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, output.readAllBytes(path, Long.MAX_VALUE));
        });
    }

    private static boolean inPoolFolder(Path file) {
        Path parent = file.getParent();
        Path name = parent == null ? null : parent.getFileName();
        return name != null && name.toString().equals(Datapool.FOLDER);
    }

    /** A datapool folder of the working folder and the generation its {@code CURRENT} names. */
    private record StagedPool(Path folder, String generation) {}

    /** The datapool folders of the working folder (each holding {@code CURRENT}). */
    private static List<StagedPool> datapools(Path winnow) throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(winnow)) {
            folders = walk.filter(p -> p.getFileName().toString().equals(Datapool.CURRENT) && inPoolFolder(p))
                    .map(p -> Objects.requireNonNull(p.getParent(), "found below the working folder"))
                    .sorted()
                    .toList();
        }
        List<StagedPool> pools = new ArrayList<>(folders.size());
        for (Path folder : folders) {
            pools.add(new StagedPool(folder, generation(folder)));
        }
        return pools;
    }

    /** Uploads the generation each datapool's {@code CURRENT} names, which counts once the run's marker is there. */
    private static void uploadGenerations(Datasource output, Path winnow, List<StagedPool> pools) throws IOException {
        for (StagedPool pool : pools) {
            Path poolFolder = pool.folder();
            String generation = pool.generation();
            upload(
                    output,
                    poolFolder.resolve(generation),
                    prefix(winnow, poolFolder) + "/" + generation,
                    LocalDatasource.at(poolFolder.resolve(generation)).list(""));
        }
    }

    /** Puts each datapool's new generation in force with its {@code CURRENT}, then removes the other generations. */
    private static void switchDatapools(Datasource output, Path winnow, List<StagedPool> pools) throws IOException {
        for (StagedPool pool : pools) {
            Path poolFolder = pool.folder();
            String prefix = prefix(winnow, poolFolder);
            String generation = pool.generation();
            upload(output, poolFolder, prefix, List.of(Datapool.CURRENT));
            for (String path : output.list(prefix)) {
                String rest = path.substring(prefix.length() + 1);
                if (!rest.equals(Datapool.CURRENT) && !rest.startsWith(generation + "/")) {
                    output.delete(path);
                }
            }
        }
    }

    private static String prefix(Path winnow, Path poolFolder) {
        return WINNOW + "/" + posix(winnow.relativize(poolFolder));
    }

    private static String generation(Path poolFolder) throws IOException {
        return Files.readString(poolFolder.resolve(Datapool.CURRENT), StandardCharsets.UTF_8)
                .strip();
    }

    private static void upload(Datasource output, Path from, String prefix, List<String> files) throws IOException {
        inParallel(
                output,
                files,
                name -> output.writeAtomically(prefix + "/" + name, Files.readAllBytes(from.resolve(name))));
    }

    private static String posix(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** One file's transfer. */
    @FunctionalInterface
    private interface Transfer {
        void run(String path) throws IOException;
    }

    private static void inParallel(Datasource output, List<String> paths, Transfer transfer) throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.min(paths.size(), Math.max(1, output.parallelReads())));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String path : paths) {
                done.add(pool.submit(() -> {
                    transfer.run(path);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Copying the run's files was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("Copying the run's files failed: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
