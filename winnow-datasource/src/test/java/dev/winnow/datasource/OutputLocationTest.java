package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLocationTest {
    private static final byte[] BYTES = "x".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void sameFolder_allowsOnlyWinnowAndLightlyFolders() throws IOException {
        LocalDatasource input = LocalDatasource.at(dir);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(dir), input);

        output.writeAtomically(".winnow/runs/r/selected.txt", BYTES);
        output.writeAtomically(".lightly/metadata/a.json", BYTES);

        assertThat(output.overlapsInput()).isTrue();
        assertThat(Files.readString(dir.resolve(".winnow/runs/r/selected.txt"))).isEqualTo("x");
        assertThat(Files.readString(dir.resolve(".lightly/metadata/a.json"))).isEqualTo("x");
        assertThatThrownBy(() -> output.writeAtomically("images/new.jpg", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write 'images/new.jpg' into the input location " + dir
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
        assertThatThrownBy(() -> output.writeAtomically(".winnow", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write '.winnow' into the input location " + dir
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
        assertThatThrownBy(() -> output.writeAtomicallyWithoutSync("images/new.json", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write 'images/new.json' into the input location " + dir
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
        output.writeAtomicallyWithoutSync(".lightly/predictions/t/a.json", BYTES);
        assertThat(Files.readString(dir.resolve(".lightly/predictions/t/a.json")))
                .isEqualTo("x");
        assertThat(Files.exists(dir.resolve("images/new.jpg"))).isFalse();
    }

    @Test
    void outputNestedInInput_isGuardedToo() throws IOException {
        LocalDatasource input = LocalDatasource.at(dir);
        OutputLocation output = OutputLocation.guard(LocalDatasource.create(dir.resolve("results")), input);

        output.writeAtomically(".winnow/report.json", BYTES);

        assertThat(Files.readString(dir.resolve("results/.winnow/report.json"))).isEqualTo("x");
        assertThatThrownBy(() -> output.writeAtomically("report.json", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write 'report.json' into the input location " + dir
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
    }

    @Test
    void separateFolders_allowAnyWrite(@TempDir Path other) throws IOException {
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(other), LocalDatasource.at(dir));

        output.writeAtomically("anything/at/all.txt", BYTES);

        assertThat(output.overlapsInput()).isFalse();
        assertThat(Files.readString(other.resolve("anything/at/all.txt"))).isEqualTo("x");
    }

    @Test
    void inputNestedInOutput_isProtected() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        OutputLocation output =
                OutputLocation.guard(LocalDatasource.at(dir), LocalDatasource.at(dir.resolve("images")));

        output.writeAtomically(".winnow/x.txt", BYTES);

        assertThat(output.overlapsInput()).isFalse();
        assertThat(output.mayWrite("images/a.jpg")).isFalse();
        assertThat(output.mayWrite("images/.winnow/a.json")).isTrue();
        assertThat(output.mayWrite("imagesX/a.jpg")).isTrue();
        assertThatThrownBy(() -> output.writeAtomically("images/a.jpg", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write 'images/a.jpg' into the input location " + dir.resolve("images")
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
    }

    @Test
    void sameFolderReachedThroughALink_isRecognised() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("alias"), Files.createDirectories(dir.resolve("data")));
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(link), LocalDatasource.at(dir.resolve("data")));

        assertThat(output.overlapsInput()).isTrue();
        assertThat(output.mayWrite("a.txt")).isFalse();
    }
}
