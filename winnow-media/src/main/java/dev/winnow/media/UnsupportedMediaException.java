package dev.winnow.media;

/**
 * A file that is well-formed as far as Winnow can tell, but whose container or codec this decoder
 * does not read (an AVI file, an HEVC stream). {@link VideoDecoders} then tries the next decoder
 * that claims the container; when none can, the message reaches the user.
 */
public final class UnsupportedMediaException extends MediaException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaException(String message) {
        super(message);
    }
}
