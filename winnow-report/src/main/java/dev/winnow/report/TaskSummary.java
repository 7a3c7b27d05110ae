package dev.winnow.report;

import java.util.List;

/**
 * One prediction task as the report shows it: its class counts over all candidates and over the
 * selected samples (objects for detection tasks, samples otherwise), and its score columns.
 *
 * @param scoreNames   the scores' names, in the order of {@code scores}
 * @param scores       per score, one value per candidate (in the run's candidate order)
 */
public record TaskSummary(
        String name,
        String taskType,
        List<String> categories,
        double[] countsBefore,
        double[] countsAfter,
        List<String> scoreNames,
        List<double[]> scores) {
    public TaskSummary {
        categories = List.copyOf(categories);
        scoreNames = List.copyOf(scoreNames);
        scores = List.copyOf(scores);
        if (countsBefore.length != categories.size() || countsAfter.length != categories.size()) {
            throw new IllegalArgumentException("Task " + name + " has " + categories.size() + " categories, but "
                    + countsBefore.length + " counts before and " + countsAfter.length + " after the selection.");
        }
        if (scores.size() != scoreNames.size()) {
            throw new IllegalArgumentException("Task " + name + " names " + scoreNames.size() + " scores, but has "
                    + scores.size() + " score columns.");
        }
    }
}
