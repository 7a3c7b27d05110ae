package dev.winnow.cli;

/** Entry point of the {@code winnow} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting; tests call this. */
    public static int run(String... args) {
        return WinnowCommand.commandLine().execute(args);
    }
}
