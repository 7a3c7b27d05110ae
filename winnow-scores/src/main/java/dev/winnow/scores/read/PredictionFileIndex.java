package dev.winnow.scores.read;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.SystemFiles;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.SampleNames;
import dev.winnow.format.Wording;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoProbe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Pairs a task's prediction files with the samples they belong to: {@code a/b/img.json} with the
 * image {@code a/b/img.<ext>}, {@code a/v-099-mp4.json} with frame 99 of the video {@code a/v.mp4}.
 * Files that match no sample are reported (orphans, frames past the end, wrong padding) and left
 * out; samples and frames without a file are counted. Samples that {@code relevant_filenames.txt}
 * leaves out are neither scored nor counted, and their files are not orphans. Video frame counts
 * come from the container header, read once per video.
 */
final class PredictionFileIndex {

    /**
     * The samples (images and frames) that have a prediction file, in sorted order, and the number
     * that have none. A sample's file follows from its name, so no
     * path is kept per sample.
     */
    record Matches(List<String> samples, int samplesWithoutPrediction, Map<String, String> videoOfFrame) {}

    private PredictionFileIndex() {}

    /**
     * Matches the files of task {@code taskName} against {@code samples} (every image and video of
     * the input); only samples {@code relevant} accepts are kept and counted.
     */
    static Matches match(
            Datasource input,
            Datasource output,
            List<String> samples,
            Predicate<String> relevant,
            String taskName,
            Consumer<Diagnostic> sink)
            throws IOException {
        String folder = PredictionsLayout.taskFolder(taskName) + "/";
        // Image names compared in one Unicode normalisation, as validate compares them.
        Map<String, String> imagesByStem = new HashMap<>();
        Map<String, List<String>> sharedStems = new HashMap<>();
        Set<String> videos = new HashSet<>();
        for (String sample : samples) {
            if (MediaKind.of(sample).orElse(null) == MediaKind.VIDEO) {
                videos.add(sample);
            } else {
                String stem = SampleNames.normalised(PredictionsLayout.stem(sample));
                String first = imagesByStem.putIfAbsent(stem, sample);
                if (first != null) {
                    sharedStems
                            .computeIfAbsent(stem, s -> new ArrayList<>(List.of(first)))
                            .add(sample);
                }
            }
        }
        Map<String, Integer> frameCounts = new HashMap<>();
        Map<String, Integer> framesMatched = new HashMap<>();
        Set<String> imagesMatched = new HashSet<>();
        List<String> matched = new ArrayList<>();
        Map<String, String> videoOfFrame = new HashMap<>();
        for (String path : output.list(folder)) {
            String relative = path.substring(folder.length());
            if (relative.equals(PredictionsLayout.SCHEMA) || SystemFiles.isSystemFile(relative)) {
                continue;
            }
            Optional<String> predictionBase = PredictionsLayout.predictionBase(relative);
            if (predictionBase.isEmpty()) {
                sink.accept(DiagnosticCode.NOT_A_PREDICTION_FILE.of(
                        path,
                        "This file in the folder of task " + taskName
                                + " is not a .json prediction file; it is ignored."));
                continue;
            }
            String base = predictionBase.get();
            List<String> sharing = sharedStems.get(SampleNames.normalised(base));
            if (sharing != null) {
                sink.accept(DiagnosticCode.SAMPLES_SHARE_PREDICTION.of(
                        path,
                        Wording.count(sharing.size(), "sample")
                                + " map to this one prediction file: " + String.join(" and ", sharing)
                                + "; rename all but one so that each image has its own prediction file."));
                continue;
            }
            String image = imagesByStem.get(SampleNames.normalised(base));
            if (image != null) {
                if (relevant.test(image)) {
                    imagesMatched.add(image);
                    matched.add(image);
                }
                continue;
            }
            var frame = FrameName.parse(base).filter(f -> videos.contains(f.video()));
            if (frame.isEmpty()) {
                sink.accept(DiagnosticCode.ORPHAN_PREDICTION.of(
                        path,
                        "This prediction file belongs to no image or video"
                                + " of the input: no sample is named " + base
                                + " with an image extension, and it does not name a"
                                + " frame of a video; it is skipped."));
                continue;
            }
            FrameName.Parsed parsed = frame.get();
            if (!relevant.test(parsed.video())) {
                continue;
            }
            Integer count = frameCount(input, parsed.video(), frameCounts, sink);
            if (count == null) {
                continue;
            }
            if (parsed.index() >= count) {
                sink.accept(DiagnosticCode.FRAME_OUT_OF_RANGE.of(
                        path,
                        "Frame " + parsed.index() + " does not exist in " + parsed.video() + ", which has " + count
                                + " frames (0 to " + (count - 1) + "); the file is skipped."));
                continue;
            }
            FrameName name = FrameName.of(parsed.video(), parsed.index(), count);
            if (!parsed.paddedFor(count)) {
                sink.accept(DiagnosticCode.FRAME_PADDING.of(
                        path,
                        "The frame index " + parsed.indexText() + " must have "
                                + FrameName.padding(count) + " digits for a video of " + count + " frames; expected "
                                + folder + name.predictionPath() + "; the file is skipped."));
                continue;
            }
            framesMatched.merge(parsed.video(), 1, Integer::sum);
            matched.add(name.sampleName());
            videoOfFrame.put(name.sampleName(), parsed.video());
        }
        int without = 0;
        for (String sample : samples) {
            if (!relevant.test(sample)) {
                continue;
            }
            if (videos.contains(sample)) {
                Integer count = frameCount(input, sample, frameCounts, sink);
                without += count == null ? 0 : count - framesMatched.getOrDefault(sample, 0);
            } else if (!imagesMatched.contains(sample)) {
                without++;
            }
        }
        matched.sort(Comparator.naturalOrder());
        return new Matches(matched, without, videoOfFrame);
    }

    private static @Nullable Integer frameCount(
            Datasource input, String video, Map<String, Integer> cache, Consumer<Diagnostic> sink) throws IOException {
        if (cache.containsKey(video)) {
            return cache.get(video);
        }
        Integer count;
        try {
            count = VideoProbe.frameCount(input, video);
        } catch (MediaException e) {
            sink.accept(DiagnosticCode.UNREADABLE.of(video, e.getMessage()));
            count = null;
        }
        cache.put(video, count);
        return count;
    }
}
