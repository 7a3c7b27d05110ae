package dev.winnow.format;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of a task's {@code schema.json}: its type and its categories. Categories are kept
 * in ascending id order, the order probability vectors follow.
 */
public record TaskSchema(TaskType taskType, List<Category> categories) implements Serializable {

    public TaskSchema {
        Objects.requireNonNull(taskType, "taskType");
        categories = categories.stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .toList();
        for (int i = 1; i < categories.size(); i++) {
            if (categories.get(i).id() == categories.get(i - 1).id()) {
                throw new IllegalArgumentException(
                        "Category id " + categories.get(i).id() + " is used twice.");
            }
        }
    }

    /** Number of categories, the length every probability vector must have. */
    public int categoryCount() {
        return categories.size();
    }

    /** Position of the category with this id in ascending id order, or -1 when the schema lacks it. */
    public int indexOf(int categoryId) {
        int lo = 0;
        int hi = categories.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int id = categories.get(mid).id();
            if (id == categoryId) {
                return mid;
            } else if (id < categoryId) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    public Optional<Category> category(int categoryId) {
        int i = indexOf(categoryId);
        return i < 0 ? Optional.empty() : Optional.of(categories.get(i));
    }

    /** Category names by id. */
    public Map<Integer, String> namesById() {
        Map<Integer, String> names = new HashMap<>();
        categories.forEach(c -> names.put(c.id(), c.name()));
        return names;
    }
}
