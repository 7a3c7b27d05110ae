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
        CommandLine cl = WinnowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Finished(exit, out.toString(), err.toString());
    }

    static Finished inProcess(List<String> args) {
        return inProcess(args.toArray(String[]::new));
    }
}
