package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.PredictionsLayout;
import java.io.IOException;
import java.util.Optional;

/**
 * A run reads predictions from its output location; when the user gave another output and the
 * predictions sit in the input, this says so, since "no such task" alone hides the cause.
 */
public final class PredictionsElsewhere {
    private PredictionsElsewhere() {}

    /** The sentence for an output other than {@code input} while {@code input} has a tasks.json; else empty. */
    public static Optional<String> hint(Datasource input, Datasource output) throws IOException {
        boolean elsewhere =
                !output.rootUri().equals(input.rootUri()) || output.rootUri().isEmpty();
        if (!elsewhere || input.stat(PredictionsLayout.TASKS_FILE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The input " + input.description() + " has " + PredictionsLayout.ROOT
                + ": predictions are read from the output location, so leave out --output or copy "
                + PredictionsLayout.ROOT + " there.");
    }
}
