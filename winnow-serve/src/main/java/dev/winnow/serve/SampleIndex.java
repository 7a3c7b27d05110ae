package dev.winnow.serve;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the viewer knows of every sample without reading its files again: the names (sorted), the
 * file sizes, each task's classes and scores, and the user metadata. Built by {@link IndexBuilder},
 * kept between starts by {@link IndexCache}. Immutable after construction.
 */
final class SampleIndex {
    private final List<String> names;
    private final long[] sizes;
    private final List<TaskColumns> tasks;
    private final Map<String, String[]> metadata;
    /** Null when the names are sorted, as the builder makes them: then a binary search finds a name. */
    private final @Nullable Map<String, Integer> positions;

    SampleIndex(List<String> names, long[] sizes, List<TaskColumns> tasks, Map<String, String[]> metadata) {
        this.names = List.copyOf(names);
        this.sizes = sizes;
        this.tasks = List.copyOf(tasks);
        this.metadata = Map.copyOf(metadata);
        boolean sorted = true;
        for (int i = 1; i < names.size() && sorted; i++) {
            sorted = names.get(i - 1).compareTo(names.get(i)) < 0;
        }
        if (sorted) {
            positions = null;
        } else {
            positions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                positions.put(names.get(i), i);
            }
        }
    }

    int sampleCount() {
        return names.size();
    }

    String name(int sample) {
        return names.get(sample);
    }

    List<String> names() {
        return names;
    }

    long size(int sample) {
        return sizes[sample];
    }

    long[] sizes() {
        return sizes;
    }

    List<TaskColumns> tasks() {
        return tasks;
    }

    Optional<TaskColumns> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Metadata field name to the value of every sample (null where a sample has none). */
    Map<String, String[]> metadata() {
        return metadata;
    }

    /** The position of sample {@code name}; empty for any name that is not a sample of the index. */
    Optional<Integer> position(String name) {
        if (positions != null) {
            return Optional.ofNullable(positions.get(name));
        }
        int at = Collections.binarySearch(names, name);
        return at >= 0 ? Optional.of(at) : Optional.empty();
    }

    @Nullable
    String metadataValue(String field, int sample) {
        String[] values = metadata.get(field);
        return values == null ? null : values[sample];
    }

    @Override
    public String toString() {
        return "SampleIndex[" + names.size() + " samples, tasks "
                + Arrays.toString(tasks.stream().map(TaskColumns::name).toArray()) + "]";
    }
}
