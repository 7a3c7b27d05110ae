package dev.winnow.format;

import java.util.List;
import java.util.Optional;

/**
 * The contents of one prediction file: the sample it names (optional in newer files) and its
 * singletons in file order.
 */
public record PredictionFile(Optional<String> fileName, List<Singleton> predictions) {

    public PredictionFile {
        fileName = fileName == null ? Optional.empty() : fileName;
        predictions = List.copyOf(predictions);
    }

    public static PredictionFile of(String fileName, List<Singleton> predictions) {
        return new PredictionFile(Optional.ofNullable(fileName), predictions);
    }
}
