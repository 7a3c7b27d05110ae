package dev.winnow.convert.probmaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.datasource.LocalDatasource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fuzz target for {@code .npy} probability maps: the header and the data of any file either read
 * into per-pixel labels or fail with an {@link IllegalArgumentException} whose sentence says what
 * is wrong (the converter reports it as a diagnostic and skips the map); any other exception is a
 * finding. Without {@code JAZZER_FUZZ=1} it replays {@code NpyFuzzTestInputs/npy}.
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void npy(byte[] input) throws IOException {
        Path file = Files.createTempFile("winnow-fuzz", ".npy");
        try {
            Files.write(file, input);
            NpyArray array;
            try {
                array = NpyArray.open(
                        LocalDatasource.at(Objects.requireNonNull(file.getParent())),
                        file.getFileName().toString());
            } catch (IllegalArgumentException e) {
                checkSentence(e.getMessage());
                return;
            }
            for (boolean channelsLast : new boolean[] {false, true}) {
                for (ProbabilityMaps.Aggregation aggregation : ProbabilityMaps.Aggregation.values()) {
                    try {
                        ProbabilityMaps.ClassMap map = ProbabilityMapsConverter.view(array, channelsLast, 2);
                        assertThat(ProbabilityMaps.singletons(map, new int[] {3, 7}, aggregation, channelsLast))
                                .allSatisfy(s -> assertThat(s.categoryId()).isIn(3, 7));
                    } catch (IllegalArgumentException e) {
                        checkSentence(e.getMessage());
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void checkSentence(@Nullable String message) {
        assertThat(message).isNotBlank().doesNotContain("Exception", "\tat ");
    }
}
