package dev.winnow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code winnow help [COMMAND...]}: prints the help of a command at any depth, so
 * {@code winnow help convert yolo} shows what {@code winnow convert yolo --help} shows.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Shows the help of a command, for example 'winnow help convert yolo'.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to describe.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(
            CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                err.println("winnow: " + UsageErrors.unknownCommand(command, name));
                err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
                return ExitCodes.USAGE;
            }
            command = sub;
        }
        command.usage(out);
        return ExitCodes.OK;
    }
}
