package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cli.WinnowCommand;
import dev.winnow.datasource.LocalTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** Runs {@code winnow run} and {@code winnow spark run} for tests, each into its own output folder. */
final class SparkRuns {
    /** What one command printed and returned. */
    record Outcome(int exit, String out, String err) {}

    private SparkRuns() {}

    /** The one local session of a test class: two cores, each task retried once when it fails. */
    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2,2]")
                .appName("winnow-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    static Outcome local(String... args) {
        return execute(WinnowCommand.commandLine(), args);
    }

    static Outcome spark(String... args) {
        List<SparkSessions> sessions = new ArrayList<>();
        try {
            return execute(SparkMain.commandLine(sessions), args);
        } finally {
            sessions.forEach(SparkSessions::close);
        }
    }

    private static Outcome execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** A new output folder {@code name} under {@code tmp} holding a copy of the input's {@code .lightly/}. */
    static Path output(Path tmp, Path input, String name) throws IOException {
        Path output = tmp.resolve(name);
        LocalTrees.delete(output);
        Path from = input.resolve(".lightly");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = output.resolve(".lightly").resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return output;
    }

    /** The arguments of {@code winnow run} from {@code input} into {@code output}, followed by {@code extra}. */
    static String[] run(Path input, Path output, Path config, String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--config",
                config.toString(),
                "--run-id",
                runId));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Asserts that each of {@code files} of run {@code runId} is the same, byte for byte, in both outputs. */
    static void assertSameRunFiles(Path expected, Path actual, String runId, List<String> files, String context)
            throws IOException {
        for (String file : files) {
            assertThat(new String(runFile(actual, runId, file), StandardCharsets.UTF_8))
                    .as(file + " " + context)
                    .isEqualTo(new String(runFile(expected, runId, file), StandardCharsets.UTF_8));
        }
    }

    /** The named file of run {@code runId} in {@code output}, as bytes. */
    static byte[] runFile(Path output, String runId, String file) throws IOException {
        return Files.readAllBytes(output.resolve(".winnow/runs").resolve(runId).resolve(file));
    }
}
