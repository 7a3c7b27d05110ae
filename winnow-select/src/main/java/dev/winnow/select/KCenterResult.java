package dev.winnow.select;

/**
 * The outcome of a farthest-first run: the picked candidate indices in pick order, each pick's
 * distance to the nearest earlier center at the time it was picked (+∞ for a first pick without
 * earlier selections), why it stopped, and how many exact candidate-to-center distances the int8
 * storage's exact check computed (0 for float32). The arrays belong to the result; do not change them.
 */
public record KCenterResult(int[] picks, double[] distances, StopReason stopReason, long exactChecks) {}
