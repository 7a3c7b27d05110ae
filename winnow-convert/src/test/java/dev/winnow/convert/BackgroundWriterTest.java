package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryQueuedFileBeforeFinishReturns() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        try (BackgroundWriter writer = new BackgroundWriter(folder, 2, 2)) {
            for (int i = 0; i < 50; i++) {
                writer.write("d" + (i % 3) + "/img" + i + ".png", ("{" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        try (var staged = Files.list(dir.resolve(".lightly/predictions"))) {
            Path staging = staged.findFirst().orElseThrow();
            try (var all = Files.walk(staging)) {
                assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(50);
            }
            assertThat(Files.readString(staging.resolve("d1/img49.json"))).isEqualTo("{49}");
        }
    }

    /** Fails every write after the third with "disk full". */
    private static Datasource fullDisk() {
        AtomicInteger writes = new AtomicInteger();
        return new Datasource() {
            @Override
            public String description() {
                return "full";
            }

            @Override
            public List<String> list(String prefix) {
                return List.of();
            }

            @Override
            public Optional<FileStat> stat(String path) {
                return Optional.empty();
            }

            @Override
            public InputStream open(String path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SeekableByteChannel openSeekable(String path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] readAllBytes(String path, long maxBytes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writeAtomically(String path, byte[] contents) throws IOException {
                if (writes.incrementAndGet() > 3) {
                    throw new IOException("disk full");
                }
            }
        };
    }

    @Test
    void aFailedWrite_isRethrownToTheProducer() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(fullDisk(), "t", false);
        try (BackgroundWriter writer = new BackgroundWriter(folder, 2, 4)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    writer.write("img" + i + ".png", new byte[] {'{', '}'});
                }
                writer.finish();
            }).isInstanceOf(IOException.class).hasMessage("disk full");
        }
    }

    @Test
    void closeWithoutFinish_stopsTheThreads() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        BackgroundWriter writer = new BackgroundWriter(folder, 3, 8);
        writer.write("a.png", new byte[] {'{', '}'});
        writer.close();
        writer.close();
        assertThatThrownBy(() -> new BackgroundWriter(folder, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A background writer needs at least one thread and room for one file per thread, but got 2 threads"
                        + " and room for 1.");
    }
}
