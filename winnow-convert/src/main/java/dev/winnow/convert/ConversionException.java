package dev.winnow.convert;

/**
 * A conversion that cannot go on at all: unreadable input, an output that would be overwritten,
 * a file that is not of the expected format. The message is a sentence for the user that names
 * the file and says what was expected. Problems with single annotations are not exceptions but
 * diagnostics in the {@link ConversionReport}.
 */
public final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
