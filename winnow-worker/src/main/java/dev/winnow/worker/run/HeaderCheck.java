package dev.winnow.worker.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the header of every image sample on the pool before anything is decoded: an image whose
 * header does not read is a diagnostic and is left out of the run.
 */
final class HeaderCheck {
    private final Datasource input;
    private final ExecutorService pool;
    private final RunProgress progress;
    private final List<Diagnostic> diagnostics;

    HeaderCheck(Datasource input, ExecutorService pool, RunProgress progress, List<Diagnostic> diagnostics) {
        this.input = input;
        this.pool = pool;
        this.progress = progress;
        this.diagnostics = diagnostics;
    }

    /** The samples whose image header reads (frames are checked when their video is decoded). */
    List<RunSample> readable(List<RunSample> samples) throws IOException {
        List<RunSample> images = samples.stream().filter(s -> !s.isFrame()).toList();
        Set<String> readable = readHeaders(images.stream().map(RunSample::name).toList()).keySet();
        return samples.stream().filter(s -> s.isFrame() || readable.contains(s.name())).toList();
    }

    /** The image size of each sample whose header is readable, in sample order; the others become diagnostics. */
    private Map<String, ImageSize> readHeaders(List<String> samples) throws IOException {
        progress.phase("Reading image headers", samples.size());
        List<Future<ImageSize>> headers = new ArrayList<>(samples.size());
        for (String sample : samples) {
            headers.add(pool.submit(() -> ImageHeaders.read(input, sample)));
        }
        Map<String, ImageSize> sizes = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String sample = samples.get(i);
            try {
                sizes.put(sample, headers.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading the header of " + sample + ".", e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof MediaException)) {
                    throw e.getCause() instanceof IOException io ? io
                            : new IOException("Reading the header of " + sample + " failed: " + e.getCause(), e.getCause());
                }
                diagnostics.add(DiagnosticCode.UNREADABLE.of(sample, "The image cannot be read, so it is left out of the run: "
                        + e.getCause().getMessage()));
            }
            progress.advance(i + 1);
        }
        progress.endPhase();
        return sizes;
    }
}
