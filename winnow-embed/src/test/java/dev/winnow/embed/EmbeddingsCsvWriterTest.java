package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void write_producesTheExactLayout() throws IOException {
        StringWriter text = new StringWriter();
        try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.to(text, 3)) {
            csv.append("a/b.png", new float[] {0.6f, -0.8f, 0f});
            csv.append("odd, \"name\".jpg", new float[] {1e-7f, 1f, 0.1f}, 4);
        }
        assertThat(text.toString())
                .isEqualTo("filenames,embedding_0,embedding_1,embedding_2,labels\n"
                        + "a/b.png,0.6,-0.8,0.0,0\n"
                        + "\"odd, \"\"name\"\".jpg\",1.0E-7,1.0,0.1,4\n");
    }

    @Test
    void roundTrip_givesBackTheSameFloats() throws IOException {
        float[][] rows = {
            Vectors.l2Normalize(new float[] {0.1f, 0.2f, 0.3f}), Vectors.l2Normalize(new float[] {-3f, 1e-3f, 7f})
        };
        Path target = dir.resolve("run/embeddings.csv");
        EmbeddingsCsvWriter.write(target, 3, List.of("x.jpg", "y/z.jpg"), rows);
        PrecomputedEmbeddings read = PrecomputedEmbeddings.read(target);
        assertThat(read.require(List.of("x.jpg", "y/z.jpg"))).isDeepEqualTo(rows);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void closingWithoutCommit_leavesThePreviousFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("embeddings.csv"), "previous");
        try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.createAtomically(target, 2)) {
            csv.append("a.jpg", new float[] {1f, 0f});
        }
        assertThat(Files.readString(target)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void commit_replacesThePreviousFile() throws IOException {
        Path target = Files.writeString(dir.resolve("embeddings.csv"), "previous");
        try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.createAtomically(target, 1)) {
            csv.append("a.jpg", new float[] {1f});
            csv.commit();
            assertThatThrownBy(() -> csv.append("b.jpg", new float[] {1f}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("This embeddings writer is closed; no more rows can be appended.");
        }
        assertThat(Files.readString(target)).isEqualTo("filenames,embedding_0,labels\na.jpg,1.0,0\n");
    }

    @Test
    void badRows_areRefused() throws IOException {
        try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.to(new StringWriter(), 2)) {
            assertThatThrownBy(() -> csv.append("a.jpg", new float[] {1f}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The embedding of 'a.jpg' has 1 values; expected 2.");
            assertThatThrownBy(() -> csv.append("a.jpg", new float[] {1f, Float.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The embedding of 'a.jpg' holds NaN; expected finite numbers only.");
            assertThatThrownBy(() -> csv.append("a\nb.jpg", new float[] {1f, 0f}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The file name 'a\nb.jpg' cannot be written to an embeddings file; "
                            + "expected a non-empty name without line breaks.");
            assertThatThrownBy(csv::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Only a writer made by createAtomically has a file to commit.");
        }
        assertThatThrownBy(() -> EmbeddingsCsvWriter.write(dir.resolve("e.csv"), 2, List.of("a.jpg"), new float[0][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There are 1 file names but 0 embeddings; expected one embedding per file name.");
    }
}
