package dev.winnow.select;

import dev.winnow.config.DidYouMean;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The sentences for a name a selection config uses that does not exist, shared by the early check and the selection.
 */
final class NameProblems {
    private NameProblems() {}

    static String task(int s, String task, Collection<String> tasks) {
        return "strategies[" + s + "] names task '" + task + "', but there is no such task"
                + known("tasks", task, tasks);
    }

    static String score(int s, String task, String score, Collection<String> scores) {
        return "strategies[" + s + "] names score '" + score + "' of task '" + task + "', but there is no such score"
                + known("scores", score, scores);
    }

    static String metadataKey(int s, String key, Collection<String> keys) {
        return "strategies[" + s + "] names metadata key '" + key + "', but there is no such key"
                + known("keys", key, keys);
    }

    static String category(int s, String task, String name, Collection<String> categories) {
        return "strategies[" + s + "] names category '" + name + "' of task '" + task
                + "', but there is no such category" + known("categories", name, categories);
    }

    static String targetClass(int s, String task, String name, Collection<String> categories) {
        return "strategies[" + s + "] names class '" + name + "' in its target, but task '" + task
                + "' has no such category" + known("categories", name, categories);
    }

    /** "; known tasks: a, b." and a did-you-mean hint when one name is close. */
    static String known(String what, String given, Collection<String> known) {
        TreeSet<String> sorted = new TreeSet<>(known);
        return "; known " + what + ": " + (sorted.isEmpty() ? "none" : String.join(", ", sorted)) + "."
                + DidYouMean.hint(given, sorted);
    }
}
