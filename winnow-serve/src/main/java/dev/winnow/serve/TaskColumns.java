package dev.winnow.serve;

import dev.winnow.format.TaskType;
import java.util.List;
import java.util.Map;

/**
 * One task's part of the index, by sample position: whether the sample has a valid prediction
 * file, its predictions' classes and scores (compressed rows: those of sample {@code i} are
 * {@code start[i]} to {@code start[i + 1]}), and its active-learning scores ({@code NaN} where it
 * has none).
 */
record TaskColumns(
        String name,
        TaskType type,
        List<String> classes,
        boolean[] present,
        int[] start,
        int[] classIndex,
        float[] score,
        Map<String, float[]> activeLearning) {

    /** The position of class {@code name} in {@link #classes}, or -1. */
    int classPosition(String className) {
        return classes.indexOf(className);
    }
}
