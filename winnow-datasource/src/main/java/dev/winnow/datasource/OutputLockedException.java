package dev.winnow.datasource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Another command holds the output folder's {@link OutputLock}; the message names it. */
public final class OutputLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputLockedException(Path outputFolder, Optional<OutputLock.Owner> owner) {
        super("The output " + outputFolder + " is being written by "
                + owner.map(OutputLock.Owner::describe).orElse("another Winnow command")
                + "; wait until it ends, or delete " + outputFolder.resolve(OutputLock.PATH)
                + " if that process no longer runs.");
    }

    /** The sentence naming the holder (never null: the constructor always sets one). */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? "" : message;
    }
}
