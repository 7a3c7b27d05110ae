package dev.winnow.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real images and video kept in the repository's {@code testdata/opencv-samples} (origin and
 * licence in its NOTICE), and the other media under {@code testdata/}. They are part of the
 * repository, so a test never skips for want of them.
 */
public final class SampleMedia {
    static final String FOLDER = "testdata/opencv-samples";

    private SampleMedia() {}

    /** The sample folder, found from the module a test runs in up to the repository root. */
    public static Path folder() {
        return testData("opencv-samples");
    }

    /** A folder below the repository's {@code testdata/}, for example {@code exif-orientation}. */
    public static Path testData(String relative) {
        Path start = Path.of("").toAbsolutePath();
        // Every folder from a module up to the repository root holds a pom.xml; the search stops above it.
        for (Path dir = start; dir != null && Files.isRegularFile(dir.resolve("pom.xml")); dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata").resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("The folder testdata/" + relative + " is missing from the repository that holds " + start + ".");
    }

    /** One sample file, for example {@code street/tree.mp4}. */
    public static Path file(String relative) {
        Path file = folder().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("The sample file " + relative + " is missing from " + FOLDER + ".");
        }
        return file;
    }

    /** Copies a sample file to {@code target}, creating its folders. */
    public static void copy(String relative, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(file(relative), target);
    }
}
