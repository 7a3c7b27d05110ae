package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedEmbeddingRowsTest {

    @TempDir
    Path folder;

    /** Writes {@code header} bytes of zeros, then the rows as little-endian float32. */
    private Path write(EmbeddingMatrix m, int header) throws IOException {
        ByteBuffer bytes =
                ByteBuffer.allocate(header + m.rows().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.position(header);
        bytes.asFloatBuffer().put(m.rows());
        Path file = folder.resolve("rows.bin");
        Files.write(file, bytes.array());
        return file;
    }

    @Test
    void rowsAndDistances_areTheFileValues() throws IOException {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(50, 7, 3);
        MappedEmbeddingRows mapped = MappedEmbeddingRows.map(write(m, 128), 128, 50, 7);
        assertThat(mapped.count()).isEqualTo(50);
        assertThat(mapped.dimension()).isEqualTo(7);
        for (int i = 0; i < 50; i++) {
            assertThat(mapped.row(i)).containsExactly(m.row(i));
            assertThat(mapped.squaredDistance(i, m.row(9))).isEqualTo(m.squaredDistance(i, m.row(9)));
        }
    }

    @Test
    void int8PicksFromTheMappedFile_equalTheHeapMatrixPicks() throws IOException {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(3000, 24, 8);
        MappedEmbeddingRows mapped = MappedEmbeddingRows.map(write(m, 64), 64, 3000, 24);
        int[] heap = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2)
                .select(80, EmbeddingMatrix.empty(24), 0, 6)
                .picks();
        KCenterGreedy fromFile = new KCenterGreedy(mapped, KCenterGreedy.Storage.INT8, 2);
        assertThat(fromFile.select(80, EmbeddingMatrix.empty(24), 0, 6).picks()).containsExactly(heap);
        assertThat(new KCenterGreedy(mapped, KCenterGreedy.Storage.FLOAT32, 2)
                        .select(80, EmbeddingMatrix.empty(24), 0, 6)
                        .picks())
                .containsExactly(heap);
    }

    @Test
    void aFileTooShortForTheRows_isRejected() throws IOException {
        Path file = write(KCenterGreedyTest.randomUnit(4, 2, 1), 0);
        assertThatThrownBy(() -> MappedEmbeddingRows.map(file, 0, 5, 2))
                .isInstanceOf(IOException.class)
                .hasMessage("The file " + file + " holds 32 bytes, but 5 rows of dimension 2 at offset 0 need 40.");
    }

    @Test
    void aNonFiniteValueInTheFile_isRejectedWithItsPlace() throws IOException {
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {0, 1, 1, Float.POSITIVE_INFINITY}, 2);
        MappedEmbeddingRows mapped = MappedEmbeddingRows.map(write(m, 0), 0, 2, 2);
        assertThatThrownBy(() -> new KCenterGreedy(mapped, KCenterGreedy.Storage.INT8, 1))
                .hasMessage("The candidate embedding in row 1 has a non-finite value (Infinity) in dimension 1.");
    }
}
