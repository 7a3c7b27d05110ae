package dev.winnow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void child_escapesSlashAndTilde() {
        assertThat(ConfigReader.child("/target", "a/b~c")).isEqualTo("/target/a~1b~0c");
        assertThat(ConfigReader.child("/list", 3)).isEqualTo("/list/3");
    }

    @Test
    void describe_namesKindAndValue() {
        JsonNode node = json("{'s': 'x', 'n': 2.5, 'i': 3, 'b': true, 'z': null, 'a': [], 'o': {}}");
        assertThat(ConfigReader.describe(node.get("s"))).isEqualTo("the string \"x\"");
        assertThat(ConfigReader.describe(node.get("n"))).isEqualTo("the number 2.5");
        assertThat(ConfigReader.describe(node.get("i"))).isEqualTo("the number 3");
        assertThat(ConfigReader.describe(node.get("b"))).isEqualTo("the boolean true");
        assertThat(ConfigReader.describe(node.get("z"))).isEqualTo("null");
        assertThat(ConfigReader.describe(node.get("a"))).isEqualTo("an array");
        assertThat(ConfigReader.describe(node.get("o"))).isEqualTo("an object");
        assertThat(ConfigReader.describe(node.get("missing"))).isEqualTo("nothing");
    }

    @Test
    void stringList_pointsAtTheBadElement() {
        JsonNode node = json("{'names': ['a', 7]}");
        assertThatThrownBy(() -> ConfigReader.stringList(node.get("names"), "/q/names"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Expected a string at /q/names/1, but found the number 7.");
        assertThat(ConfigReader.stringList(json("['a', 'b']"), "/x")).containsExactly("a", "b");
    }

    @Test
    void emptyString_isRejected() {
        assertThatThrownBy(() -> ConfigReader.requireString(json("{'key': ''}"), "/m", "key"))
                .hasMessage("Expected a non-empty string at /m/key.");
    }

    @Test
    void integers_mustFit() {
        assertThatThrownBy(() -> ConfigReader.optionalInt(json("{'n': 3000000000}"), "", "n"))
                .hasMessage("Expected an integer at /n, but found the number 3000000000.");
        assertThat(ConfigReader.optionalLong(json("{'n': 3000000000}"), "", "n"))
                .hasValue(3_000_000_000L);
    }

    @Test
    void checkKeys_atTheTopLevel() {
        assertThatThrownBy(() -> ConfigReader.checkKeys(json("{'seeed': 1}"), "", List.of("seed", "selection")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown key 'seeed' at /seeed. Did you mean 'seed'?");
        assertThatThrownBy(() -> ConfigReader.requireObject(json("3"), ""))
                .hasMessage("Expected an object at the top level, but found the number 3.");
    }
}
