package dev.winnow.run.config;

import java.util.Objects;

/**
 * Selection on object level: every detection of {@code taskName} becomes a crop sample whose box
 * is enlarged by {@code padding} (a fraction of its width and height).
 */
public record ObjectLevelOptions(String taskName, double padding) {
    public ObjectLevelOptions {
        Objects.requireNonNull(taskName, "taskName");
    }
}
