package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code winnow spark} and {@code spark-submit} command of the README parses with the Spark job's command line.
 */
class SparkReadmeTest {
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySparkCommandOfTheReadme_parses() throws IOException {
        List<String[]> commands = new ArrayList<>();
        for (Path doc : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "scale.md"))) {
            Matcher m = BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                for (String line : m.group(1).replace("\\\n", " ").split("\n")) {
                    int comment = line.indexOf(" #");
                    String command = (comment < 0 ? line : line.substring(0, comment)).strip();
                    List<String> words = Arrays.asList(command.replace("'", "").split("\\s+"));
                    boolean spark = command.startsWith("./winnow spark ") || command.contains("winnow-spark.jar");
                    int at = -1;
                    for (String sub : List.of("run", "validate", "scores")) {
                        at = at > 0 ? at : words.indexOf(sub);
                    }
                    if (spark && at > 0) {
                        commands.add(words.subList(at, words.size()).toArray(String[]::new));
                    }
                }
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
        for (String[] args : commands) {
            assertThatCode(() -> SparkMain.commandLine(new ArrayList<>()).parseArgs(args))
                    .as(String.join(" ", args))
                    .doesNotThrowAnyException();
        }
    }
}
