package dev.winnow.run.datapool;

import java.util.Objects;

/** A sample a run has processed, with the size and modification time its file had then. */
public record ProcessedSample(String name, long size, long lastModifiedMillis) {
    public ProcessedSample {
        Objects.requireNonNull(name, "name");
    }
}
