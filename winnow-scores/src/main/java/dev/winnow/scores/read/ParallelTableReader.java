package dev.winnow.scores.read;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.PartitionEngine;
import dev.winnow.datasource.PathOutsideRootException;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.scores.table.PredictionsTableBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads and checks prediction files on several threads into one predictions table.
 *
 * <p>The sorted sample list is cut into batches of consecutive samples; each batch is read by one
 * thread into its own table builder, and finished batches are joined and their diagnostics passed
 * on strictly in list order, so the table and the order of diagnostics never depend on thread
 * timing. At most a few batches per thread are in flight, so memory stays bounded by the batch
 * size whatever the number of files.
 */
final class ParallelTableReader {
    static final int BATCH = 512;

    /** The outcome of one batch: its samples, their diagnostics and how many files were skipped. */
    record Batch(PredictionsTableBuilder builder, List<Diagnostic> diagnostics, int invalid) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private ParallelTableReader() {}

    /**
     * Reads the prediction file of every sample into {@code into}; returns the number of files
     * skipped as invalid. {@code filesDone} hears how many files are done after each batch.
     */
    static int read(
            Datasource output,
            List<String> samples,
            TaskSchema schema,
            ValidationOptions options,
            int threads,
            PredictionsTableBuilder into,
            Consumer<Diagnostic> sink,
            LongConsumer filesDone)
            throws IOException {
        if (threads <= 1 || samples.size() <= BATCH) {
            int invalid = 0;
            for (int from = 0; from < samples.size(); from += BATCH) {
                List<String> slice = samples.subList(from, Math.min(samples.size(), from + BATCH));
                Batch batch = readBatch(output, slice, schema, options, into.taskName());
                batch.diagnostics().forEach(sink);
                into.addAll(batch.builder());
                invalid += batch.invalid();
                filesDone.accept(from + slice.size());
            }
            return invalid;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "winnow-predictions-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Batch>> inFlight = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            int invalid = 0;
            while (next < samples.size() || !inFlight.isEmpty()) {
                while (next < samples.size() && inFlight.size() < 2 * threads) {
                    List<String> slice = samples.subList(next, Math.min(samples.size(), next + BATCH));
                    inFlight.add(pool.submit(() -> readBatch(output, slice, schema, options, into.taskName())));
                    next += slice.size();
                }
                Batch batch = await(inFlight.removeFirst());
                batch.diagnostics().forEach(sink);
                done += batch.builder().sampleCount() + batch.invalid();
                into.addAll(batch.builder());
                invalid += batch.invalid();
                filesDone.accept(done);
            }
            return invalid;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reads the samples' files in partitions on {@code engine} (a cluster), then joins the parts and
     * passes their diagnostics on in list order, as {@link #read} does here; returns the files skipped.
     */
    static int spread(
            PartitionEngine engine,
            List<String> samples,
            ValidationOptions options,
            PredictionsTableBuilder into,
            Consumer<Diagnostic> sink,
            LongConsumer filesDone)
            throws IOException {
        String taskName = into.taskName();
        List<Batch> parts = engine.map(
                PartitionEngine.split(samples, engine.partitions()),
                (input, output, slice) ->
                        readBatch(output, slice, schemaAt(output, taskName, options), options, taskName));
        int done = 0;
        int invalid = 0;
        for (Batch part : parts) {
            part.diagnostics().forEach(sink);
            done += part.builder().sampleCount() + part.invalid();
            into.addAll(part.builder());
            invalid += part.invalid();
            filesDone.accept(done);
        }
        return invalid;
    }

    /** The task's schema, read again where a partition runs. */
    private static TaskSchema schemaAt(Datasource output, String taskName, ValidationOptions options)
            throws IOException {
        return PredictionsLayout.readSchema(
                        new PredictionsFiles(output, options.limits().maxFileBytes()), taskName, options)
                .value()
                .orElseThrow(() -> new IOException(
                        "The schema of task " + taskName + " could not be read where its files were read."));
    }

    private static Batch readBatch(
            Datasource output, List<String> samples, TaskSchema schema, ValidationOptions options, String taskName) {
        PredictionsTableBuilder builder = new PredictionsTableBuilder(taskName, schema);
        List<Diagnostic> diagnostics = new ArrayList<>();
        int invalid = 0;
        for (String sample : samples) {
            String file = PredictionsLayout.file(taskName, sample);
            byte[] bytes;
            try {
                bytes = output.readAllBytes(file, options.limits().maxFileBytes());
            } catch (FileTooLargeException e) {
                diagnostics.add(DiagnosticCode.FILE_TOO_LARGE.of(file, e.getMessage()));
                invalid++;
                continue;
            } catch (PathOutsideRootException e) {
                diagnostics.add(DiagnosticCode.PATH_OUTSIDE_ROOT.of(file, e.getMessage()));
                invalid++;
                continue;
            } catch (IOException e) {
                LocationAccessException.rethrowIfDenied(e);
                diagnostics.add(DiagnosticCode.UNREADABLE.of(
                        file, "This prediction file cannot be read (" + e.getMessage() + "); it is skipped."));
                invalid++;
                continue;
            }
            FileResult<PredictionFile> result =
                    PredictionFileReader.read(file, bytes, schema, SampleFacts.named(sample), options);
            diagnostics.addAll(result.diagnostics());
            if (result.value().isPresent()) {
                builder.add(sample, result.value().get());
            } else {
                invalid++;
            }
        }
        return new Batch(builder, diagnostics, invalid);
    }

    private static Batch await(Future<Batch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Reading prediction files was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
