package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void aFailedWrite_isRethrownToTheProducer() throws Exception {
        PredictionsFolder folder =
                PredictionsFolder.open(FlatDatasource.fullAfter(LocalDatasource.create(dir), 3), "t", false);
        try (BackgroundWriter writer = new BackgroundWriter(folder, 2, 4)) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            writer.write("img" + i + ".png", new byte[] {'{', '}'});
                        }
                        writer.finish();
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessage("disk full");
        }
    }

    @Test
    void closeWithoutFinish_dropsTheQueueAndRefusesFurtherFiles() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        BackgroundWriter writer = new BackgroundWriter(folder, 3, 8);
        writer.write("a.png", new byte[] {'{', '}'});
        writer.close();
        writer.close();

        assertThatThrownBy(() -> writer.write("b.png", new byte[] {'{', '}'}))
                .isInstanceOf(InterruptedIOException.class)
                .hasMessage("The conversion stopped before its files were written.");
    }

    @Test
    void lessRoomThanThreads_isRefused() throws Exception {
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        assertThatThrownBy(() -> new BackgroundWriter(folder, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A background writer needs at least one thread and room for one file per "
                        + "thread, but got 2 threads and room for 1.");
    }
}
