package dev.winnow.select;

/**
 * The rows of the candidates that passed the filters, as a view of all samples' rows: a heap
 * matrix is copied (as before), rows held elsewhere (a memory-mapped file) are read through the
 * candidate's index, so no float copy of them lands on the heap.
 */
final class CandidateRows implements EmbeddingRows {

    private final EmbeddingRows all;
    private final int[] candidates;

    private CandidateRows(EmbeddingRows all, int[] candidates) {
        this.all = all;
        this.candidates = candidates;
    }

    /** Row p of the result is row {@code candidates[p]} of {@code all}. */
    static EmbeddingRows of(EmbeddingRows all, int[] candidates) {
        return all instanceof EmbeddingMatrix matrix ? matrix.select(candidates) : new CandidateRows(all, candidates);
    }

    @Override
    public int count() {
        return candidates.length;
    }

    @Override
    public int dimension() {
        return all.dimension();
    }

    @Override
    public float[] row(int i) {
        return all.row(candidates[i]);
    }

    @Override
    public float squaredDistance(int i, float[] center) {
        return all.squaredDistance(candidates[i], center);
    }
}
