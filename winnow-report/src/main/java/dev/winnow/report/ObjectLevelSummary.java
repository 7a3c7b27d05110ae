package dev.winnow.report;

import java.util.List;
import java.util.Objects;

/**
 * What an object-level run selected from: the boxes of one task became crop samples, cut with a
 * padding from their parent samples; the report shows this sentence and the selected crops.
 *
 * @param task       the task whose boxes became crops
 * @param padding    the fraction each box's width and height were enlarged by (0.1 is 10 %)
 * @param crops      how many crop samples there were
 * @param parents    how many parent samples (images or frames) the crops came from
 * @param thumbnails thumbnails of the selected crops, in selection order, at most {@link #MAX_THUMBNAILS}
 */
public record ObjectLevelSummary(String task, double padding, int crops, int parents, List<CropThumbnail> thumbnails) {
    /** The most crop thumbnails a report shows. */
    public static final int MAX_THUMBNAILS = 48;

    public ObjectLevelSummary {
        Objects.requireNonNull(task, "The object-level task's name is missing.");
        if (task.isBlank()) {
            throw new IllegalArgumentException("An object-level summary needs the task's name, but it is blank.");
        }
        if (!(padding >= 0) || !Double.isFinite(padding)) {
            throw new IllegalArgumentException(
                    "The padding of task " + task + " is " + padding + "; it must be a finite fraction of at least 0.");
        }
        if (crops < 0 || parents < 0) {
            throw new IllegalArgumentException("Task " + task + " has " + crops + " crops from " + parents
                    + " samples; counts cannot be negative.");
        }
        thumbnails = List.copyOf(
                Objects.requireNonNull(thumbnails, "The crop thumbnails of task " + task + " are missing."));
        if (thumbnails.size() > MAX_THUMBNAILS) {
            throw new IllegalArgumentException("Task " + task + " has " + thumbnails.size()
                    + " crop thumbnails; a report shows at most " + MAX_THUMBNAILS + ".");
        }
        if (thumbnails.size() > crops) {
            throw new IllegalArgumentException(
                    "Task " + task + " has " + thumbnails.size() + " crop thumbnails but only " + crops + " crops.");
        }
    }
}
