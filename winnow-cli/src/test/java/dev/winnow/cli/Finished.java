package dev.winnow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Exit code, standard output and standard error of one {@code winnow} command run in this JVM. */
record Finished(int exit, String out, String err) {
    /** Runs {@code winnow args} in this JVM, keeping what it prints. */
    static Finished inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = runInto(out, err, args);
        return new Finished(exit, out.toString(), err.toString());
    }

    /** Runs {@code winnow args} in this JVM, adding what it prints to {@code out} and {@code err}; the exit code. */
    static int runInto(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = WinnowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static Finished inProcess(List<String> args) {
        return inProcess(args.toArray(String[]::new));
    }
}
