package dev.winnow.cli;

import dev.winnow.datasource.PartitionEngine;

/**
 * Opens the engine that {@code validate} and {@code scores} spread their per-file work on (the Spark
 * job's executors), given the command's input and output locations as the user wrote them.
 */
@FunctionalInterface
public interface PartitionEngines {
    /**
     * The engine for one command over {@code input} and {@code output}.
     *
     * @throws IllegalArgumentException when the engine's own options are wrong (a usage mistake)
     */
    PartitionEngine open(String input, String output);
}
