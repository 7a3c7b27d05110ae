package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.PathOutsideRootException;
import dev.winnow.datasource.Progress;
import dev.winnow.datasource.RelevantFilenames;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import dev.winnow.run.config.DatasourceOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The samples of a run: the images and videos of the input (or those a relevant-filenames file
 * names), each video expanded into its frames, every {@code frameStride}-th one. Frames are counted
 * from the container without decoding, on the pipeline's pool. A video no decoder can read is a
 * diagnostic naming the reason (the codec, say), and its frames are left out; the run goes on.
 */
final class RunSamples {
    /**
     * @param files   the image and video files listed
     * @param samples the run's samples, in listing order, each video's frames in frame order
     * @param videos  how many videos were listed
     */
    record Listing(List<String> files, List<RunSample> samples, int videos) {}

    private final RunRequest request;
    private final VideoDecoder videoDecoder;
    private final ExecutorService pool;
    private final DiagnosticCollector diagnostics;

    RunSamples(RunRequest request, VideoDecoder videoDecoder, ExecutorService pool, DiagnosticCollector diagnostics) {
        this.request = request;
        this.videoDecoder = videoDecoder;
        this.pool = pool;
        this.diagnostics = diagnostics;
    }

    Listing list(Progress progress) throws IOException {
        progress.phase("Listing samples", 0);
        List<String> files = new ArrayList<>();
        for (String file : listFiles(request.config().datasource())) {
            if (file.indexOf('\n') >= 0 || file.indexOf('\r') >= 0) {
                diagnostics.add(DiagnosticCode.UNREADABLE.of(
                        file,
                        "The file's name holds a line break, which the run's files (a name per line) cannot"
                                + " hold; rename it to include it. It is left out of the run."));
            } else {
                files.add(file);
            }
        }
        progress.phase("Reading file sizes and counting video frames", files.size());
        Datasource input = request.input();
        List<Future<Optional<List<RunSample>>>> expanded = new ArrayList<>(files.size());
        int videos = 0;
        for (String file : files) {
            boolean video = MediaKind.of(file).orElseThrow() == MediaKind.VIDEO;
            videos += video ? 1 : 0;
            expanded.add(pool.submit(() -> expand(input, file, video)));
        }
        List<RunSample> samples = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                expanded.get(i).get().ifPresent(samples::addAll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while listing " + files.get(i) + ".", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MediaException media) {
                    diagnostics.add(DiagnosticCode.UNREADABLE.of(
                            files.get(i),
                            "The video cannot be read, so its frames are left " + "out of the run: "
                                    + media.getMessage()));
                } else if (cause instanceof PathOutsideRootException outside) {
                    diagnostics.add(DiagnosticCode.UNREADABLE.of(
                            files.get(i), outside.getMessage() + " It is left out of the run."));
                } else if (cause instanceof IOException io) {
                    throw io;
                } else {
                    throw new IOException("Listing " + files.get(i) + " failed: " + cause, cause);
                }
            }
            progress.advance(i + 1);
        }
        progress.endPhase();
        return new Listing(files, samples, videos);
    }

    /**
     * The samples of one file; empty, with a diagnostic, when it cannot be found by its listed name:
     * deleted or replaced by a non-file since listing, or named with bytes that are not UTF-8
     * (listed with U+FFFD in their place, a name that opens no file).
     */
    private Optional<List<RunSample>> expand(Datasource input, String file, boolean video)
            throws IOException, MediaException {
        Optional<Datasource.FileStat> stat = input.stat(file);
        if (stat.isEmpty()) {
            diagnostics.add(DiagnosticCode.UNREADABLE.of(
                    file,
                    file.indexOf('\uFFFD') >= 0
                            ? "The file's name is not UTF-8 text, so it cannot be opened by the name listed (U+FFFD"
                                    + " marks the bytes); rename it to include it. It is left out of the run."
                            : "The file was listed, but when it was read it was gone or no longer a plain file;"
                                    + " it is left out of the run."));
            return Optional.empty();
        }
        long size = stat.get().size();
        long modified = stat.get().lastModifiedMillis();
        if (!video) {
            return Optional.of(List.of(RunSample.image(file, size, modified)));
        }
        int frames = videoDecoder.frameCount(input, file);
        int stride = request.config().frameStride();
        List<RunSample> samples = new ArrayList<>((frames + stride - 1) / stride);
        for (int f = 0; f < frames; f += stride) {
            samples.add(RunSample.frame(file, f, frames, size, modified));
        }
        return Optional.of(samples);
    }

    /** Samples that lead out of the input are reported one by one and never read; the run goes on. */
    private void reportRefused(List<SampleLister.Refused> refused) {
        for (SampleLister.Refused r : refused) {
            diagnostics.add(DiagnosticCode.UNREADABLE.of(r.path(), r.message(request.input())));
        }
    }

    private List<String> listFiles(DatasourceOptions options) throws IOException {
        if (options.relevantFilenamesFile().isEmpty()) {
            SampleLister.Listing listing = SampleLister.scan(request.input(), request.output());
            reportRefused(listing.refused());
            for (String entry : listing.unmatchedRelevantEntries()) {
                diagnostics.add(DiagnosticCode.RELEVANT_ENTRY_UNMATCHED.at(
                        RelevantFilenames.PATH, "", "The entry '" + entry + "' names no image or video of the input."));
            }
            return listing.samples();
        }
        String file = options.relevantFilenamesFile().get();
        if (request.output().stat(file).isEmpty()) {
            throw new IllegalArgumentException("The relevant filenames file '" + file
                    + "' named at /datasource/relevant_filenames_file " + "does not exist in the output location "
                    + request.output().description() + ".");
        }
        RelevantFilenames relevant;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(request.output().open(file), StandardCharsets.UTF_8))) {
            relevant = RelevantFilenames.parse(reader);
        }
        List<String> all = new ArrayList<>();
        List<SampleLister.Refused> refused = new ArrayList<>();
        for (String path : request.input().list("")) {
            if (SampleLister.isSample(path)) {
                Optional<String> outside = request.input().leadsOutside(path);
                if (outside.isEmpty()) {
                    all.add(path);
                } else if (relevant.contains(path)) {
                    refused.add(new SampleLister.Refused(path, outside.get()));
                }
            }
        }
        reportRefused(refused);
        for (String entry : relevant.unmatched(all)) {
            diagnostics.add(DiagnosticCode.RELEVANT_ENTRY_UNMATCHED.at(
                    file, "", "The entry '" + entry + "' names no image or video of the input."));
        }
        return all.stream().filter(relevant::contains).toList();
    }
}
