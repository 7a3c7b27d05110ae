package dev.winnow.run.datapool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatapoolTest {
    @TempDir
    Path winnow;

    @Test
    void load_withoutSavedPool_isEmpty() throws Exception {
        Datapool pool = Datapool.load(winnow);
        assertThat(pool.sampleCount()).isZero();
        assertThat(pool.selected()).isEmpty();
        assertThat(pool.embedderId()).isEmpty();
    }

    @Test
    void saveThenLoad_roundTripsSamplesEmbeddingsAndSelections() throws Exception {
        Datapool pool = Datapool.empty()
                .updated(
                        List.of(new ProcessedSample("b.png", 10, 1000), new ProcessedSample("a\tb\\c.jpg", 20, 2000)),
                        new float[] {1f, 0f, 0.5f, -0.25f},
                        2,
                        "builtin-v1",
                        List.of("b.png"));
        pool.save(winnow);
        Datapool loaded = Datapool.load(winnow);
        assertThat(loaded.names()).containsExactly("a\tb\\c.jpg", "b.png");
        assertThat(loaded.embedding(0)).containsExactly(0.5f, -0.25f);
        assertThat(loaded.embedding(1)).containsExactly(1f, 0f);
        assertThat(loaded.selected()).containsExactly("b.png");
        assertThat(loaded.embedderId()).isEqualTo("builtin-v1");
        assertThat(loaded.isUnchanged("b.png", 10, 1000, "builtin-v1")).isTrue();
        assertThat(loaded.isUnchanged("b.png", 11, 1000, "builtin-v1")).isFalse();
        assertThat(loaded.isUnchanged("b.png", 10, 1000, "onnx:model.onnx")).isFalse();
        assertThat(Files.readString(winnow.resolve("datapool/CURRENT"))).isEqualTo("gen-1\n");
    }

    @Test
    void updated_replacesChangedSamplesKeepsOthersAndAppendsSelections() throws Exception {
        Datapool first = Datapool.empty()
                .updated(
                        List.of(new ProcessedSample("a.png", 1, 1), new ProcessedSample("b.png", 1, 1)),
                        new float[] {1, 0, 0, 1},
                        2,
                        "e",
                        List.of("a.png"));
        first.save(winnow);
        Datapool second = Datapool.load(winnow)
                .updated(
                        List.of(new ProcessedSample("b.png", 2, 2), new ProcessedSample("c.png", 1, 1)),
                        new float[] {0.6f, 0.8f, -1, 0},
                        2,
                        "e",
                        List.of("c.png", "a.png"));
        second.save(winnow);
        Datapool loaded = Datapool.load(winnow);
        assertThat(loaded.names()).containsExactly("a.png", "b.png", "c.png");
        assertThat(loaded.embeddingOf("b.png").orElseThrow()).containsExactly(0.6f, 0.8f);
        assertThat(loaded.samples().get(1)).isEqualTo(new ProcessedSample("b.png", 2, 2));
        assertThat(loaded.selected()).containsExactly("a.png", "c.png");
        assertThat(Files.readString(winnow.resolve("datapool/CURRENT"))).isEqualTo("gen-2\n");
        assertThat(Files.exists(winnow.resolve("datapool/gen-1"))).isFalse();
    }

    @Test
    void updated_withAnotherEmbedder_dropsOldEmbeddingsButKeepsSelections() {
        Datapool first = Datapool.empty()
                .updated(List.of(new ProcessedSample("a.png", 1, 1)), new float[] {1, 0}, 2, "e1", List.of("a.png"));
        Datapool second =
                first.updated(List.of(new ProcessedSample("b.png", 1, 1)), new float[] {0, 1, 0}, 3, "e2", List.of());
        assertThat(second.names()).containsExactly("b.png");
        assertThat(second.dimension()).isEqualTo(3);
        assertThat(second.selected()).containsExactly("a.png");
    }

    @Test
    void interruptedSave_leavesPreviousGenerationInForce() throws Exception {
        Datapool.empty()
                .updated(List.of(new ProcessedSample("a.png", 1, 1)), new float[] {1, 0}, 2, "e", List.of("a.png"))
                .save(winnow);
        // What a save killed before switching CURRENT leaves behind.
        Files.createDirectories(winnow.resolve("datapool/.gen-2.partial"));
        Files.writeString(winnow.resolve("datapool/.gen-2.partial/samples.tsv"), "half");
        Datapool loaded = Datapool.load(winnow);
        assertThat(loaded.names()).containsExactly("a.png");
        loaded.updated(List.of(), new float[0], 2, "e", List.of()).save(winnow);
        assertThat(Files.exists(winnow.resolve("datapool/.gen-2.partial"))).isFalse();
        assertThat(Datapool.load(winnow).names()).containsExactly("a.png");
    }

    @Test
    void load_stagedGenerationCutShortBeforeItsProperties_leavesCurrentInForce() throws Exception {
        Datapool.empty()
                .updated(List.of(new ProcessedSample("a.png", 1, 1)), new float[] {1, 0}, 2, "e", List.of("a.png"))
                .save(winnow);
        Datapool.load(winnow)
                .updated(List.of(new ProcessedSample("b.png", 1, 1)), new float[] {0, 1}, 2, "e", List.of())
                .stage(winnow, "second");
        // What an upload into a bucket cut short leaves: the new generation without its properties.
        Files.delete(winnow.resolve("datapool/gen-2/pool.properties"));

        Datapool loaded = Datapool.load(winnow, run -> true);

        assertThat(loaded.names()).containsExactly("a.png");
        assertThat(loaded.selected()).containsExactly("a.png");
    }

    @Test
    void load_truncatedEmbeddingFile_isRefusedWithTheReason() throws Exception {
        Datapool.empty()
                .updated(List.of(new ProcessedSample("a.png", 1, 1)), new float[] {1, 0}, 2, "e", List.of())
                .save(winnow);
        Path bin = winnow.resolve("datapool/gen-1/embeddings.bin");
        byte[] bytes = Files.readAllBytes(bin);
        Files.write(bin, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> Datapool.load(winnow))
                .isInstanceOf(DatapoolException.class)
                .hasMessage("The embedding file " + bin + " is 21 bytes, but its header promises 24 bytes.");
    }

    @Test
    void load_currentNamingNoGeneration_isRefused() throws Exception {
        Files.createDirectories(winnow.resolve("datapool"));
        Files.writeString(winnow.resolve("datapool/CURRENT"), "oops\n");
        assertThatThrownBy(() -> Datapool.load(winnow))
                .isInstanceOf(DatapoolException.class)
                .hasMessage("The datapool file " + winnow.resolve("datapool/CURRENT") + " names 'oops', but expected a "
                        + "generation like gen-1; delete " + winnow.resolve("datapool") + " to start afresh.");
    }
}
