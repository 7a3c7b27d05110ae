package dev.winnow.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a selection config may use, known before any sample is read: the tasks with their
 * categories and scores, and the metadata keys. {@link #check} finds every name the config uses
 * that is not among them, in the words the selection itself would use, so a run refuses a misspelt
 * name before it decodes anything.
 *
 * @param categories the category names of each task, by task
 * @param scores     the score names of each task, by task
 */
public record SelectionNames(
        Map<String, List<String>> categories, Map<String, Set<String>> scores, Set<String> metadataKeys) {

    public SelectionNames {
        categories = Map.copyOf(new LinkedHashMap<>(categories));
        scores = Map.copyOf(new LinkedHashMap<>(scores));
        metadataKeys = Set.copyOf(new LinkedHashSet<>(metadataKeys));
    }

    /** Every name of {@code config} that is unknown, one sentence each, in strategy order; empty when all are known. */
    public List<String> problems(SelectionConfig config) {
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < config.strategies().size(); s++) {
            StrategyConfig strategy = config.strategies().get(s);
            SelectionInput input = strategy.input();
            if (input instanceof SelectionInput.Scores score) {
                if (knownTask(s, score.task(), problems)) {
                    Set<String> names = scores.getOrDefault(score.task(), Set.of());
                    if (!names.contains(score.score())) {
                        problems.add(NameProblems.score(s, score.task(), score.score(), names));
                    }
                }
            } else if (input instanceof SelectionInput.Predictions predictions) {
                if (knownTask(s, predictions.task(), problems)) {
                    List<String> known = categories.getOrDefault(predictions.task(), List.of());
                    for (String name : predictions.categories().orElse(List.of())) {
                        if (!known.contains(name)) {
                            problems.add(NameProblems.category(s, predictions.task(), name, known));
                        }
                    }
                    if (strategy.strategy() instanceof SelectionStrategy.Balance balance) {
                        for (String name : balance.target().keySet()) {
                            if (!known.contains(name)) {
                                problems.add(NameProblems.targetClass(s, predictions.task(), name, known));
                            }
                        }
                    }
                }
            } else if (input instanceof SelectionInput.Metadata metadata) {
                if (!metadataKeys.contains(metadata.key())) {
                    problems.add(NameProblems.metadataKey(s, metadata.key(), metadataKeys));
                }
            } else if (input instanceof SelectionInput.Embeddings embeddings) {
                Optional<String> task = embeddings.task();
                if (task.isPresent()) {
                    knownTask(s, task.get(), problems);
                }
            }
        }
        return problems;
    }

    /** Throws a {@link SelectionException} naming every unknown name of {@code config}, one per line. */
    public void check(SelectionConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new SelectionException(String.join("\n", problems));
        }
    }

    private boolean knownTask(int s, String task, List<String> problems) {
        if (categories.containsKey(task)) {
            return true;
        }
        problems.add(NameProblems.task(s, task, categories.keySet()));
        return false;
    }
}
