package dev.winnow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code winnow} started as a child JVM ({@link Main} on this JVM's class path), so that a test can
 * kill it the way a machine or a user does: {@link Process#destroyForcibly()} is SIGKILL on Linux,
 * which no shutdown hook or finally block survives.
 */
final class ChildWinnow {
    private ChildWinnow() {}

    /** The {@code java} of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The command line of a child running {@code winnow args}: a small heap and the quick compiler,
     * since the commands here are short.
     */
    static List<String> commandLine(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Starts {@code winnow args} with {@code env} added to the environment, its output and errors into {@code log}. */
    static Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(commandLine(args)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}
