package dev.winnow.select;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a selection reads, supplied by the run pipeline: for each of the {@link #sampleNames()}
 * (in that order) its embedding, scores, class distributions, object counts and metadata. Every
 * array returned is indexed by sample, with exactly {@code sampleNames().size()} rows.
 *
 * <p>The selector asks only for what the config uses and checks names against the sets
 * ({@link #tasks()}, {@link #scoreNames}, {@link #metadataKeys()}) first, so implementations may
 * compute values lazily and need not handle unknown names.
 */
public interface SelectionInputs {

    /** The candidate samples' names, for example {@code a/b/img.png}. */
    List<String> sampleNames();

    /**
     * The L2-normalised embeddings of all samples; with a task, those of its object-level crops.
     * Empty when there are none for that task.
     */
    Optional<EmbeddingMatrix> embeddings(Optional<String> task);

    /**
     * The same embeddings wherever they are held; DIVERSITY reads them through this, so inputs
     * with rows in a memory-mapped file ({@link MappedEmbeddingRows}) can override it and keep
     * them off the heap (with INT8 storage the selection then holds one byte per value). By
     * default {@link #embeddings}.
     */
    default Optional<EmbeddingRows> embeddingRows(Optional<String> task) {
        return embeddings(task).map(EmbeddingRows.class::cast);
    }

    /**
     * The embeddings of samples selected by earlier runs (the datapool), which DIVERSITY keeps its
     * distance from. Empty when there were none.
     */
    default Optional<EmbeddingMatrix> earlierSelections(Optional<String> task) {
        return Optional.empty();
    }

    /** The prediction tasks that have predictions. */
    default Set<String> tasks() {
        return Set.of();
    }

    /** The names of the scores computed for a task (for example {@code uncertainty_entropy}). */
    default Set<String> scoreNames(String task) {
        return Set.of();
    }

    /** One score of a task per sample; only called for a known task and score name. */
    default double[] scores(String task, String score) {
        throw new UnsupportedOperationException("These inputs have no scores.");
    }

    /** Per sample, its class distribution for a task (rows sum to 1, or 0 without predictions). */
    default ClassTable classDistribution(String task) {
        throw new UnsupportedOperationException("These inputs have no class distributions.");
    }

    /** Per sample and category, the number of predicted objects of a task. */
    default ClassTable categoryCounts(String task) {
        throw new UnsupportedOperationException("These inputs have no category counts.");
    }

    /** The numeric metadata keys (for example {@code lightly.sharpness}). */
    default Set<String> metadataKeys() {
        return Set.of();
    }

    /** One metadata value per sample, NaN where a sample has none; only called for a known key. */
    default double[] metadata(String key) {
        throw new UnsupportedOperationException("These inputs have no metadata.");
    }

    /** The sample names listed in a query file of a SIMILARITY strategy (one name per line). */
    default List<String> queryFile(String path) {
        throw new UnsupportedOperationException("These inputs cannot read query files.");
    }
}
