package dev.winnow.format;

import java.util.List;
import java.util.regex.Pattern;

/** The contents of {@code .lightly/predictions/tasks.json}: the names of the tasks that count. */
public record TaskList(List<String> names) {

    /** What a task name may contain; it is also the name of the task's folder. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9_+=,.@:/-]*$");

    public TaskList {
        names = List.copyOf(names);
    }

    public static boolean isValidName(String name) {
        return !name.isEmpty() && NAME_PATTERN.matcher(name).matches() && !name.contains("..");
    }
}
