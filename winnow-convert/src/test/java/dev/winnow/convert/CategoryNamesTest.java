package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                        + " is empty; every line up to the last must name a category (its id is "
                        + "the line number from 0).");
    }

    @Test
    void yaml_inlineList() throws Exception {
        assertThat(CategoryNames.read(
                        file("data.yaml", "path: ../d\nnames: [person, 'a, b', \"car\"]  # three\nnc: 3\n")))
                .extracting(Category::name)
                .containsExactly("person", "a, b", "car");
    }

    @Test
    void yaml_indexedBlock() throws Exception {
        assertThat(CategoryNames.read(
                        file("data.yml", "train: images\nnames:\n  1: bicycle\n  0: person # first\n\nval: x\n")))
                .extracting(Category::name)
                .containsExactly("person", "bicycle");
    }

    @Test
    void yaml_dashedBlock() throws Exception {
        assertThat(CategoryNames.read(file("data.yaml", "names:\n- cat\n- 'dog'\nnc: 2\n")))
                .extracting(Category::name)
                .containsExactly("cat", "dog");
    }

    @Test
    void yaml_errors() throws Exception {
        Path none = file("none.yaml", "nc: 2\n");
        assertThatThrownBy(() -> CategoryNames.read(none))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The file " + none
                        + " has no names list; expected 'names: [a, b]', or 'names:' followed by lines"
                        + " '  0: a' or '  - a'.");
        Path gap = file("gap.yaml", "names:\n  0: a\n  2: c\n");
        assertThatThrownBy(() -> CategoryNames.read(gap))
                .hasMessage("The names list of " + gap + " has no class 1; indices must run from 0 without gaps.");
        Path bad = file("bad.yaml", "names:\n  zero: a\n");
        assertThatThrownBy(() -> CategoryNames.read(bad))
                .hasMessage("Line 2 of " + bad
                        + " is not of the form '<index>: <name>' or '- <name>' inside the names list.");
    }

    private static final String ACCEPTED =
            "expected a classes.txt (one name per line), a data.yaml with names, the format's"
                    + " schema.json, a JSON list [{\"id\": 0, \"name\": \"road\"}, ...] or a JSON "
                    + "mapping {\"0\": \"road\", ...}.";

    @Test
    void jsonList_idsKept() throws Exception {
        // No .json name needed: the first character says JSON.
        assertThat(CategoryNames.read(file(
                        "cats.txt",
                        "[{\"id\": 7, \"name\": \"car\", \"supercategory\": \"vehicle\"},"
                                + " {\"id\": 0, \"name\": \"road\", \"color\": [1, 2, 3]}]")))
                .containsExactly(Category.of(0, "road"), new Category(7, "car", "vehicle", List.of(), List.of()));
    }

    @Test
    void jsonMapping_idsFromKeys() throws Exception {
        assertThat(CategoryNames.read(file(
                        "class_id_to_name.json",
                        "\uFEFF{\"0\": \"background\", \"2\": \"bicycle\", \"1\": \"aeroplane\"}")))
                .containsExactly(Category.of(0, "background"), Category.of(1, "aeroplane"), Category.of(2, "bicycle"));
    }

    @Test
    void schemaJson_categoriesOfTheFormat() throws Exception {
        assertThat(CategoryNames.read(file(
                        "schema.json",
                        "{\"task_type\": \"semantic-segmentation\", \"categories\":"
                                + " [{\"id\": 3, \"name\": \"sky\"}, {\"id\": 1, \"name\": \"road\"}]}")))
                .containsExactly(Category.of(1, "road"), Category.of(3, "sky"));
        Path bad = file("bad-schema.json", "{\"task_type\": \"segmentation\", \"categories\": []}");
        assertThatThrownBy(() -> CategoryNames.read(bad))
                .isInstanceOf(ConversionException.class)
                .hasMessageStartingWith("The categories file " + bad + " is not a valid schema.json: /task_type: ");
    }

    @Test
    void otherJson_refusedNamingTheForms() throws Exception {
        Path names = file("names.json", "[\"road\", \"car\"]");
        assertThatThrownBy(() -> CategoryNames.read(names))
                .isInstanceOf(ConversionException.class)
                .hasMessage("Entry 0 of the categories file " + names
                        + " is \"road\", but a list must hold objects with an \"id\""
                        + " (a whole number from 0) and a \"name\"; " + ACCEPTED);
        Path keys = file("keys.json", "{\"road\": 0}");
        assertThatThrownBy(() -> CategoryNames.read(keys))
                .hasMessage("The categories file " + keys
                        + " maps 'road' to 0, but a mapping must take ids (whole numbers from 0)" + " to names; "
                        + ACCEPTED);
        Path number = file("n.json", "3");
        assertThatThrownBy(() -> CategoryNames.read(number))
                .hasMessage("The categories file " + number + " holds a single value; " + ACCEPTED);
        Path broken = file("broken.json", "{\"0\": \"road\",");
        assertThatThrownBy(() -> CategoryNames.read(broken))
                .hasMessage("The categories file " + broken + " is not well-formed JSON; " + ACCEPTED);
        Path twice = file("twice.json", "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}]");
        assertThatThrownBy(() -> CategoryNames.read(twice))
                .hasMessage("The categories file " + twice + " gives the id 1 to both 'a' and 'b'.");
    }
}
