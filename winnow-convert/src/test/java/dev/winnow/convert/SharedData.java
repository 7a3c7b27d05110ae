package dev.winnow.convert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real sample images shared by the tests; tests skip when they are absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path opencvSamples() {
        String root = System.getProperty("winnow.sharedData", "");
        Path dir = Path.of(root.isEmpty() ? "." : root, "opencv-samples");
        assumeTrue(!root.isEmpty() && Files.isDirectory(dir), "the shared sample data is not available");
        return dir;
    }

    /** Copies a shared sample file to {@code target}, creating its folders. */
    public static void copy(String sample, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(opencvSamples().resolve(sample), target);
    }
}
