package dev.winnow.embed;

/**
 * Embeddings could not be computed, read or written: a missing or invalid model file, a model
 * whose input does not fit, a malformed embeddings CSV. The message is one sentence that names the
 * file and, where it applies, the line, and says what was expected.
 */
public final class EmbeddingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
