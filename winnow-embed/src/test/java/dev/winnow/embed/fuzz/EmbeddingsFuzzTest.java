package dev.winnow.embed.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.embed.EmbeddingException;
import dev.winnow.embed.PrecomputedEmbeddings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;

/**
 * Fuzz target for the embeddings CSV reader ({@code filenames,embedding_0,...,labels}): any bytes
 * either read into rows of one dimension, each filename found again, or fail with an
 * {@link EmbeddingException} whose sentence names the file; any other exception is a finding.
 * Without {@code JAZZER_FUZZ=1} it replays {@code EmbeddingsFuzzTestInputs/embeddingsCsv}.
 */
class EmbeddingsFuzzTest {
    private static final String NAME = "embeddings.csv";

    @FuzzTest(maxDuration = "30s")
    void embeddingsCsv(byte[] input) throws IOException {
        PrecomputedEmbeddings embeddings;
        try {
            embeddings = PrecomputedEmbeddings.read(
                    new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), NAME);
        } catch (EmbeddingException e) {
            checkSentence(e.getMessage());
            return;
        }
        assertThat(embeddings.dimension()).isPositive();
        assertThat(embeddings.filenames()).hasSize(embeddings.size());
        assertThat(new HashSet<>(embeddings.filenames())).hasSize(embeddings.size());
        for (String filename : embeddings.filenames()) {
            assertThat(embeddings.find(filename))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(embeddings.dimension()));
        }
        assertThat(embeddings.require(embeddings.filenames())).hasNumberOfRows(embeddings.size());
    }

    private static void checkSentence(@Nullable String message) {
        assertThat(message).isNotBlank().contains(NAME).doesNotContain("Exception", "\tat ");
    }
}
