package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryNamesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void classesTxt() throws Exception {
        assertThat(CategoryNames.read(file("classes.txt", "person\r\n traffic light \ncar\n\n")))
                .containsExactly(Category.of(0, "person"), Category.of(1, "traffic light"), Category.of(2, "car"));
        assertThatThrownBy(() -> CategoryNames.read(file("bad.txt", "a\n\nb\n")))
                .hasMessage("Line 2 of the categories file " + dir.resolve("bad.txt")
                        + " is empty; every line up to the last must name a category (its id is the line number from 0).");
    }

    @Test
    void yaml_inlineList() throws Exception {
        assertThat(CategoryNames.read(file("data.yaml", "path: ../d\nnames: [person, 'a, b', \"car\"]  # three\nnc: 3\n")))
                .extracting(Category::name).containsExactly("person", "a, b", "car");
    }

    @Test
    void yaml_indexedBlock() throws Exception {
        assertThat(CategoryNames.read(file("data.yml", "train: images\nnames:\n  1: bicycle\n  0: person # first\n\nval: x\n")))
                .extracting(Category::name).containsExactly("person", "bicycle");
    }

    @Test
    void yaml_dashedBlock() throws Exception {
        assertThat(CategoryNames.read(file("data.yaml", "names:\n- cat\n- 'dog'\nnc: 2\n")))
                .extracting(Category::name).containsExactly("cat", "dog");
    }

    @Test
    void yaml_errors() throws Exception {
        Path none = file("none.yaml", "nc: 2\n");
        assertThatThrownBy(() -> CategoryNames.read(none)).isInstanceOf(ConversionException.class)
                .hasMessage("The file " + none + " has no names list; expected 'names: [a, b]', or 'names:' followed by lines"
                        + " '  0: a' or '  - a'.");
        Path gap = file("gap.yaml", "names:\n  0: a\n  2: c\n");
        assertThatThrownBy(() -> CategoryNames.read(gap))
                .hasMessage("The names list of " + gap + " has no class 1; indices must run from 0 without gaps.");
        Path bad = file("bad.yaml", "names:\n  zero: a\n");
        assertThatThrownBy(() -> CategoryNames.read(bad))
                .hasMessage("Line 2 of " + bad + " is not of the form '<index>: <name>' or '- <name>' inside the names list.");
    }
}
