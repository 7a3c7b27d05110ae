package dev.winnow.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.winnow.datasource.LocalDatasource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real images and video shipped beside the repository; tests using them skip when absent. */
final class SampleData {
    private SampleData() {
    }

    static Path folder() {
        String shared = System.getProperty("winnow.sharedData", "../shared/data");
        Path folder = Path.of(shared, "opencv-samples");
        assumeTrue(Files.isDirectory(folder), "the sample data folder " + folder + " is absent");
        return folder;
    }

    static LocalDatasource datasource() throws IOException {
        return LocalDatasource.at(folder());
    }
}
