package dev.winnow.embed;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns decoded images into fixed-length, L2-normalised vectors whose Euclidean distances say how
 * different two images look; the diversity and similarity strategies work on these vectors.
 *
 * <p>The decoder asks {@link #inputSize()} first so that it can subsample each image to about that
 * size instead of decoding every pixel, then hands over batches:
 *
 * <pre>{@code
 * try (Embedder embedder = BuiltinEmbedder.create()) {
 *     float[][] vectors = embedder.embed(List.of(imageA, imageB)); // two rows of embedder.dimension()
 * }
 * }</pre>
 *
 * <p>Implementations say whether they are thread-safe; the built-in one is, the ONNX one may be
 * called from several threads too. Tests can implement this interface with a fake.
 */
public non-sealed interface Embedder extends EmbeddingSource {

    /** The length of every vector {@link #embed} returns. */
    @Override
    int dimension();

    /**
     * The side in pixels of the square image this embedder looks at; an image whose shorter side is
     * at least this long carries all the detail it uses, so decoders may subsample down to it.
     */
    int inputSize();

    /**
     * One L2-normalised vector per image, in the order given (a vector stays all zeros only when the
     * model itself answers with zeros).
     *
     * @throws EmbeddingException when the images cannot be embedded (a model failing at run time)
     */
    float[][] embed(List<BufferedImage> batch);

    /** Releases native resources; the embedder cannot be used afterwards. */
    @Override
    void close();
}
