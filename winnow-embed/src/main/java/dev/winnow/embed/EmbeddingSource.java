package dev.winnow.embed;

/**
 * Where a run's embeddings come from: an {@link Embedder} that computes them from decoded images
 * (the built-in descriptor or an ONNX model), or {@link PrecomputedEmbeddings} read from a CSV file
 * that the user already has, which needs no pixels at all.
 *
 * <pre>{@code
 * try (EmbeddingSource source = EmbeddingsConfig.parse(node, "/embeddings", configDir).open()) {
 *     if (source instanceof Embedder embedder) { ... decode at embedder.inputSize() and embed ... }
 *     else if (source instanceof PrecomputedEmbeddings file) { float[][] rows = file.require(names); }
 * }
 * }</pre>
 */
public sealed interface EmbeddingSource extends AutoCloseable permits Embedder, PrecomputedEmbeddings {

    /** The length of every embedding. */
    int dimension();

    /** Releases what the source holds (native sessions, memory); it cannot be used afterwards. */
    @Override
    void close();
}
