package dev.winnow.serve;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filter of a grid request, parsed from its query parameters:
 *
 * <ul>
 *   <li>{@code task=T}: the sample has a valid prediction file in task T;
 *   <li>{@code class=C}: it has a prediction of class C (in task T when given, else in any task);
 *   <li>{@code score=T:min:max}: it has a prediction in task T (of class C when given) whose score
 *       lies in [min, max];
 *   <li>{@code al=[T.]score:min:max}: its active-learning score lies in [min, max];
 *   <li>{@code meta=field:value}: its user metadata field has that value;
 *   <li>{@code run=ID}, {@code tag=T}: it was selected by that run, it carries that tag;
 *   <li>{@code lasso=run:x,y,x,y,...}: its point on the run's map lies inside the polygon.
 * </ul>
 *
 * Every condition must hold. Unknown tasks, classes, scores, fields, runs and tags are refused
 * with a {@link QueryException} naming the known ones.
 */
final class SampleFilter {
    /** Where run selections, tags and map points come from. */
    interface Sets {
        Set<String> runSelection(String runId) throws QueryException;

        Set<String> tag(String tag) throws QueryException;

        Set<String> insideLasso(String runId, double[] polygon) throws QueryException;
    }

    private final SampleIndex index;
    private final List<SampleCondition> conditions = new ArrayList<>();

    private SampleFilter(SampleIndex index) {
        this.index = index;
    }

    /** A filter from request parameters (each name to its values). */
    static SampleFilter parse(SampleIndex index, Map<String, List<String>> params, Sets sets) throws QueryException {
        SampleFilter filter = new SampleFilter(index);
        @Nullable TaskColumns task = null;
        String taskName = single(params, "task");
        if (taskName != null) {
            task = filter.task(taskName, "task");
            filter.conditions.add(presentIn(task));
        }
        String className = single(params, "class");
        if (className != null) {
            List<TaskColumns> tasks = task == null ? index.tasks() : List.of(task);
            filter.conditions.add(hasClass(tasks, className, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY));
            if (tasks.stream().noneMatch(t -> t.classPosition(className) >= 0)) {
                throw new QueryException("class=" + className + " names no class of "
                        + (task == null ? "any task" : "task " + task.name()) + "; the classes are "
                        + String.join(
                                ", ",
                                tasks.stream()
                                        .flatMap(t -> t.classes().stream())
                                        .distinct()
                                        .toList())
                        + ".");
            }
        }
        for (String score : params.getOrDefault("score", List.of())) {
            Range range = Range.parse("score", score);
            TaskColumns scored = filter.task(range.key(), "score");
            filter.conditions.add(
                    className == null
                            ? anyScore(scored, range.min(), range.max())
                            : hasClass(List.of(scored), className, range.min(), range.max()));
        }
        for (String al : params.getOrDefault("al", List.of())) {
            Range range = Range.parse("al", al);
            float[] values = filter.activeLearning(range.key());
            filter.conditions.add(sample -> values[sample] >= range.min() && values[sample] <= range.max());
        }
        for (String meta : params.getOrDefault("meta", List.of())) {
            int colon = meta.indexOf(':');
            if (colon <= 0) {
                throw new QueryException("meta=" + meta + " is not field:value.");
            }
            String field = meta.substring(0, colon);
            String value = meta.substring(colon + 1);
            String[] values = index.metadata().get(field);
            if (values == null) {
                throw new QueryException("meta=" + meta + " names no metadata field; the fields are "
                        + (index.metadata().isEmpty()
                                ? "none"
                                : String.join(", ", index.metadata().keySet())) + ".");
            }
            filter.conditions.add(sample -> value.equals(values[sample]));
        }
        for (String run : params.getOrDefault("run", List.of())) {
            filter.conditions.add(members(index, sets.runSelection(run)));
        }
        for (String tag : params.getOrDefault("tag", List.of())) {
            filter.conditions.add(members(index, sets.tag(tag)));
        }
        String lasso = single(params, "lasso");
        if (lasso != null) {
            int colon = lasso.lastIndexOf(':');
            if (colon <= 0) {
                throw new QueryException("lasso=" + lasso + " is not run:x,y,x,y,... (at least three points).");
            }
            filter.conditions.add(
                    members(index, sets.insideLasso(lasso.substring(0, colon), polygon(lasso.substring(colon + 1)))));
        }
        return filter;
    }

    /** The positions of the samples that pass, as a set. */
    BitSet matches() {
        BitSet passing = new BitSet(index.sampleCount());
        outer:
        for (int i = 0; i < index.sampleCount(); i++) {
            for (SampleCondition c : conditions) {
                if (!c.test(i)) {
                    continue outer;
                }
            }
            passing.set(i);
        }
        return passing;
    }

    private TaskColumns task(String name, String parameter) throws QueryException {
        return index.task(name)
                .orElseThrow(() -> new QueryException(
                        parameter + "=" + name + " names no task; the tasks are " + knownTasks(index) + "."));
    }

    private float[] activeLearning(String key) throws QueryException {
        return activeLearningScores(index, key);
    }

    /**
     * The values of active-learning score {@code key} ({@code task.score}, or the score's name alone
     * where one task has it) for every sample, {@code NaN} where a sample has none.
     */
    static float[] activeLearningScores(SampleIndex index, String key) throws QueryException {
        int dot = key.lastIndexOf('.');
        List<float[]> found = new ArrayList<>();
        for (TaskColumns t : index.tasks()) {
            if (dot > 0
                    && t.name().equals(key.substring(0, dot))
                    && t.activeLearning().containsKey(key.substring(dot + 1))) {
                return Objects.requireNonNull(t.activeLearning().get(key.substring(dot + 1)));
            }
            if (t.activeLearning().containsKey(key)) {
                found.add(t.activeLearning().get(key));
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> known = new ArrayList<>();
        index.tasks().forEach(t -> t.activeLearning().keySet().forEach(s -> known.add(t.name() + "." + s)));
        throw new QueryException("al=" + key + (found.isEmpty() ? " names no score" : " is the score of several tasks")
                + "; the scores are " + (known.isEmpty() ? "none" : String.join(", ", known)) + ".");
    }

    static String knownTasks(SampleIndex index) {
        return index.tasks().isEmpty()
                ? "none"
                : String.join(
                        ", ", index.tasks().stream().map(TaskColumns::name).toList());
    }

    private static @Nullable String single(Map<String, List<String>> params, String name) throws QueryException {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new QueryException(name + " is given " + values.size() + " times; give it once.");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static double[] polygon(String text) throws QueryException {
        String[] parts = text.split(",");
        if (parts.length < 6 || parts.length % 2 != 0) {
            throw new QueryException("lasso needs x,y pairs of at least three points, but got \"" + text + "\".");
        }
        double[] points = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                points[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new QueryException("lasso point \"" + parts[i] + "\" is not a number.");
            }
            if (!Double.isFinite(points[i])) {
                throw new QueryException("lasso point \"" + parts[i] + "\" is not a finite number.");
            }
        }
        return points;
    }

    private static SampleCondition presentIn(TaskColumns task) {
        return sample -> task.present()[sample];
    }

    private static SampleCondition anyScore(TaskColumns task, float min, float max) {
        return sample -> {
            for (int s = task.start()[sample]; s < task.start()[sample + 1]; s++) {
                if (task.score()[s] >= min && task.score()[s] <= max) {
                    return true;
                }
            }
            return false;
        };
    }

    private static SampleCondition hasClass(List<TaskColumns> tasks, String className, float min, float max) {
        List<SampleCondition> perTask = new ArrayList<>();
        for (TaskColumns t : tasks) {
            int c = t.classPosition(className);
            if (c < 0) {
                continue;
            }
            boolean anyScore = min == Float.NEGATIVE_INFINITY && max == Float.POSITIVE_INFINITY;
            perTask.add(sample -> {
                for (int s = t.start()[sample]; s < t.start()[sample + 1]; s++) {
                    if (t.classIndex()[s] == c && (anyScore || (t.score()[s] >= min && t.score()[s] <= max))) {
                        return true;
                    }
                }
                return false;
            });
        }
        return sample -> {
            for (SampleCondition c : perTask) {
                if (c.test(sample)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static SampleCondition members(SampleIndex index, Set<String> names) {
        BitSet in = new BitSet(index.sampleCount());
        for (String name : names) {
            index.position(name).ifPresent(in::set);
        }
        return in::get;
    }

    /** One condition on a sample position. */
    @FunctionalInterface
    private interface SampleCondition {
        boolean test(int sample);
    }

    /** {@code key:min:max}, split at the last two colons (task names may hold colons). */
    record Range(String key, float min, float max) {
        static Range parse(String parameter, String text) throws QueryException {
            int second = text.lastIndexOf(':');
            int first = second > 0 ? text.lastIndexOf(':', second - 1) : -1;
            if (first <= 0) {
                throw new QueryException(parameter + "=" + text + " is not " + parameter + ":min:max.");
            }
            float min = bound(parameter, text, text.substring(first + 1, second));
            float max = bound(parameter, text, text.substring(second + 1));
            if (min > max) {
                throw new QueryException(parameter + "=" + text + " has its minimum above its maximum.");
            }
            return new Range(text.substring(0, first), min, max);
        }

        private static float bound(String parameter, String text, String value) throws QueryException {
            try {
                float v = Float.parseFloat(value);
                if (Float.isNaN(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new QueryException(parameter + "=" + text + ": \"" + value + "\" is not a number; expected "
                        + parameter + ":min:max.");
            }
        }
    }
}
