package dev.winnow.report;

/**
 * How many samples each phase of a run saw.
 *
 * @param listed             samples in the input (after relevant filenames)
 * @param fromDatapool       samples left out because an earlier run processed them unchanged
 * @param processed          samples decoded and embedded in this run
 * @param unreadable         samples that could not be decoded (diagnostics say why)
 * @param candidates         samples the selection chose from
 * @param selected           samples selected in this run
 * @param earlierSelected    samples selected by earlier runs (the datapool)
 * @param predictionFiles    prediction files read, over all tasks
 * @param invalidPredictionFiles prediction files skipped because they are invalid
 */
public record RunCounts(
        int listed,
        int fromDatapool,
        int processed,
        int unreadable,
        int candidates,
        int selected,
        int earlierSelected,
        int predictionFiles,
        int invalidPredictionFiles) {}
