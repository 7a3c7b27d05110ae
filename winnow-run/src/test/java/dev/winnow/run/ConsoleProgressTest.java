package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void withoutTerminal_writesOneLinePerPhaseStartAndEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.phase("Listing samples", 0);
        progress.phase("Decoding and embedding", 3);
        progress.advance(1);
        progress.advance(3);
        progress.endPhase();
        progress.message("Run r1 finished.");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Listing samples...
                Decoding and embedding: 3 to do
                Decoding and embedding: done (3 of 3)
                Run r1 finished.
                """);
    }

    @Test
    void onTerminal_drawsABarThatEndsAtTheTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.phase("Embedding", 4);
        progress.advance(4);
        progress.endPhase();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("Embedding", "4/4");
    }
}
