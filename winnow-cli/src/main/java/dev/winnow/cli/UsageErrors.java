package dev.winnow.cli;

import dev.winnow.config.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns the command-line parser's complaints into one sentence in Winnow's words, with a
 * suggestion for a mistyped command or option.
 */
final class UsageErrors {
    private UsageErrors() {}

    /**
     * A command group called without one of its subcommands ({@code winnow convert}): says what it
     * needs, prints its usage to stderr and returns the usage exit code.
     */
    static int missingSubcommand(CommandLine group, String what) {
        group.getErr()
                .println("winnow: '" + group.getCommandSpec().qualifiedName() + "' needs " + what + ": one of "
                        + String.join(", ", group.getSubcommands().keySet()) + ".");
        group.usage(group.getErr());
        return ExitCodes.USAGE;
    }

    /** The sentence for {@code error}, raised while parsing {@code args}. */
    static String describe(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        Optional<String> unknownOption = firstUnknownOption(command, args);
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty()
                    ? ""
                    : unmatched.getUnmatched().get(0);
            // A mistyped command comes first: the options after it belong to the command meant.
            if (!command.getSubcommands().isEmpty() && !first.isEmpty() && !first.startsWith("-")) {
                return unknownCommand(command, first);
            }
            if (unknownOption.isPresent()) {
                return unknownOption(command, unknownOption.get());
            }
            return "Unexpected argument '" + first + "' for '"
                    + command.getCommandSpec().qualifiedName() + "'.";
        }
        if (error instanceof CommandLine.MissingParameterException missing) {
            // A mistyped option explains a missing one better than the missing one does.
            if (unknownOption.isPresent()) {
                return unknownOption(command, unknownOption.get());
            }
            List<String> names = new ArrayList<>();
            for (ArgSpec arg : missing.getMissing()) {
                if (arg instanceof OptionSpec option
                        && List.of(option.names()).stream().anyMatch(List.of(args)::contains)) {
                    return "The option " + option.longestName() + " needs a value (" + option.paramLabel() + ").";
                }
                names.add(
                        arg instanceof OptionSpec option
                                ? option.longestName() + " " + option.paramLabel()
                                : arg.paramLabel());
            }
            return (names.size() == 1
                            ? "The option " + names.get(0) + " is required"
                            : "The options " + String.join(", ", names) + " are required")
                    + " by '" + command.getCommandSpec().qualifiedName() + "'.";
        }
        if (error instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "The option " + optionName(overwritten.getOverwritten()) + " is given more than once.";
        }
        return Objects.requireNonNullElse(error.getMessage(), "The command line could not be read.");
    }

    /** "Unknown command 'x' ..." with the closest subcommand of {@code parent}, if one is close. */
    static String unknownCommand(CommandLine parent, String name) {
        List<String> commands = new ArrayList<>(parent.getSubcommands().keySet());
        return "Unknown command '" + name + "' for '" + parent.getCommandSpec().qualifiedName() + "'."
                + DidYouMean.suggest(name, commands)
                        .map(s -> " Did you mean '" + s + "'?")
                        .orElse(" The commands are " + String.join(", ", commands) + ".");
    }

    private static String unknownOption(CommandLine command, String option) {
        List<String> names = new ArrayList<>();
        command.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return "Unknown option '" + option + "' for '"
                + command.getCommandSpec().qualifiedName() + "'." + DidYouMean.hint(option, names);
    }

    private static String optionName(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** The first argument after the command's own name that looks like an option the command does not have. */
    private static Optional<String> firstUnknownOption(CommandLine command, String[] args) {
        var options = command.getCommandSpec().optionsMap();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (!options.containsKey(name) && !isNumber(arg)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isNumber(String arg) {
        try {
            Double.parseDouble(arg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
