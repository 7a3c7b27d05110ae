package dev.winnow.report;

import dev.winnow.format.FrameName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small reports and helpers shared by the report tests. */
final class ReportFixtures {
    private ReportFixtures() {}

    /** A 4×3 picture whose bytes encode to the base64 text {@code AQID}. */
    static Thumbnail picture(String sample) {
        return new Thumbnail(sample, "image/png", new byte[] {1, 2, 3}, 4, 3, "");
    }

    static FrameThumbnail frame(String video, int frame, int frameCount) {
        return new FrameThumbnail(
                frame, picture(FrameName.of(video, frame, frameCount).sampleName()));
    }

    /** The report of {@link HtmlReportTest} with videos, crops and thumbnails of the given samples. */
    static RunReport report(
            List<String> thumbnailSamples, List<VideoStrip> videos, Optional<ObjectLevelSummary> objects) {
        RunReport base = HtmlReportTest.report(List.of(), List.of());
        return new RunReport(
                base.runId(),
                base.startedAt(),
                base.seconds(),
                base.input(),
                base.output(),
                base.seed(),
                base.counts(),
                base.diagnostics(),
                base.tasks(),
                base.candidates(),
                base.selected(),
                base.projection(),
                base.isSelected(),
                thumbnailSamples.stream().map(ReportFixtures::picture).toList(),
                videos,
                objects);
    }

    /** Every match of {@code regex} in {@code text}, in order. */
    static List<String> all(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The text from the first {@code start} through the next {@code end} after it. */
    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new AssertionError("No " + start + " in the text.");
        }
        int to = text.indexOf(end, from + start.length());
        if (to < 0) {
            throw new AssertionError("No " + end + " after " + start + " in the text.");
        }
        return text.substring(from, to + end.length());
    }
}
