package dev.winnow.bench.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void roundTrip_keepsShapeAndValues_withAHeaderAlignedTo64Bytes(@TempDir Path dir) throws IOException {
        float[] values = ClusteredEmbeddings.generate(300, 5, 1);
        Path file = dir.resolve("e.npy");
        Npy.write(file, values, 300, 5);
        byte[] bytes = Files.readAllBytes(file);
        int headerEnd = 10 + ((bytes[8] & 0xff) | (bytes[9] & 0xff) << 8);
        assertThat(headerEnd % 64).isEqualTo(0);
        assertThat(bytes.length).isEqualTo(headerEnd + 300 * 5 * 4);
        Npy.Matrix read = Npy.read(file);
        assertThat(read.rows()).isEqualTo(300);
        assertThat(read.columns()).isEqualTo(5);
        assertThat(read.values()).containsExactly(values);
    }

    @Test
    void generatedRows_areUnitVectors() {
        float[] values = ClusteredEmbeddings.generate(50, 16, 2);
        for (int i = 0; i < 50; i++) {
            double norm = 0;
            for (int j = 0; j < 16; j++) {
                norm += values[i * 16 + j] * values[i * 16 + j];
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, Assertions.within(1e-6));
        }
    }

    @Test
    void notNpy_isRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "hello world, not numpy");
        assertThatThrownBy(() -> Npy.read(file))
                .hasMessage(file + " is not a .npy file: its first bytes are not the NumPy magic string.");
    }
}
