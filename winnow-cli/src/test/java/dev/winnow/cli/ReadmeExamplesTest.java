package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.winnow.demo.DemoDataset;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's examples, run: every {@code ./winnow} command of its bash blocks must parse, the
 * ones that work on a datasource (validate, scores, run) are run on a generated one laid out as the
 * README says, and every run.json of its JSON blocks must be a valid configuration. So the README
 * cannot drift from the code.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");
    /**
     * The commands that need only data/ with a task "detection", results/ holding the same predictions, and run.json.
     */
    private static final Set<String> RUNNABLE = Set.of("validate", "scores", "run");

    @TempDir
    Path tmp;

    @Test
    void everyCommandParses_andTheRunnableOnesSucceed() throws IOException {
        List<List<String>> commands = commands(Files.readString(README));
        datasource();
        Files.writeString(tmp.resolve("run.json"), firstRunConfig(Files.readString(README)));

        List<String> ran = new ArrayList<>();
        for (List<String> command : commands) {
            String[] args = command.stream().map(this::located).toArray(String[]::new);
            assertThatCode(() -> WinnowCommand.commandLine().parseArgs(args))
                    .as(String.join(" ", command))
                    .doesNotThrowAnyException();
            if (!RUNNABLE.contains(command.get(0))) {
                continue;
            }
            StringWriter err = new StringWriter();
            CommandLine cl = WinnowCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(args))
                    .as(String.join(" ", command) + "\n" + err)
                    .isEqualTo(ExitCodes.OK);
            ran.add(String.join(" ", command));
        }
        assertThat(ran)
                .containsExactly(
                        "validate --input data/",
                        "validate --input data/ --output results/ --task detection --format json",
                        "scores --input data/ --task detection",
                        "scores --input data/ --output results/ --task detection --out scores.csv",
                        "run --input data/ --config run.json",
                        "run --input data/ --output results/ --config run.json --run-id batch-2",
                        "run --input data/ --output results/ --config run.json --run-id batch-1");
        assertThat(tmp.resolve("results/.winnow/runs/batch-2/selected.txt")).exists();
        assertThat(tmp.resolve("scores.csv")).exists();
    }

    @Test
    void everyRunJsonOfTheReadme_isAValidConfiguration() throws IOException {
        List<String> configs = blocks(Files.readString(README), "json").stream()
                .filter(b -> b.startsWith("{") && b.contains("\"selection\""))
                .toList();
        assertThat(configs).hasSizeGreaterThanOrEqualTo(4);
        for (String config : configs) {
            assertThatCode(() -> RunConfigParser.parse(config, "README", tmp))
                    .as(config)
                    .doesNotThrowAnyException();
        }
    }

    /**
     * data/ with the images and predictions of a generated datasource, its detection task named "detection"; results/ a
     * copy of its predictions.
     */
    private void datasource() throws IOException {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 6, 32, 24, 11);
        Path predictions = data.resolve(".lightly/predictions");
        Files.move(predictions.resolve(DemoDataset.DETECTION), predictions.resolve("detection"));
        Files.writeString(
                predictions.resolve("tasks.json"),
                "[\"" + DemoDataset.CLASSIFICATION + "\", \"detection\", \"" + DemoDataset.SEGMENTATION + "\"]");
        Path copy = tmp.resolve("results/.lightly/predictions");
        try (Stream<Path> files = Files.walk(predictions)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(predictions.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** A path argument of the README, relative to the folder the user runs in, placed in the test's folder. */
    private String located(String arg) {
        boolean path = !arg.startsWith("-") && (arg.contains("/") || arg.matches(".*\\.(json|csv|txt|yaml)"));
        return path && !arg.startsWith("/") ? tmp.resolve(arg).toString() : arg;
    }

    /**
     * The arguments of every "./winnow" line of the README's bash blocks, continuation lines joined and comments cut.
     */
    static List<List<String>> commands(String readme) {
        List<List<String>> commands = new ArrayList<>();
        for (String block : blocks(readme, "bash")) {
            String joined = block.replace("\\\n", " ");
            for (String line : joined.split("\n")) {
                int comment = line.indexOf(" #");
                String command = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (command.startsWith("./winnow ")) {
                    commands.add(Arrays.asList(
                            command.substring("./winnow ".length()).strip().split("\\s+")));
                }
            }
        }
        return commands;
    }

    /** The first run.json of the README: the smallest one, with the built-in embedder. */
    private static String firstRunConfig(String readme) {
        return blocks(readme, "json").stream()
                .filter(b -> b.startsWith("{") && b.contains("\"selection\""))
                .findFirst()
                .orElseThrow();
    }

    /** The text of every fenced code block of the given language. */
    static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.equals("```" + language)) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
