package dev.winnow.cli;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.UnsupportedLocationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code winnow check-access LOC [--write]}: tries what commands will do with a location (list,
 * read, and with {@code --write} write and delete one object under {@code .winnow/access-check/})
 * and prints, for each, whether it works or which permission is missing. The permission names come
 * from each cloud's datasource ({@link LocationAccessException#permission()}), so the command itself
 * knows no cloud.
 */
@Command(
        name = "check-access",
        mixinStandardHelpOptions = true,
        description = {
            "Checks what Winnow may do at a location.",
            "It lists the location and reads a file, and with --write also writes and deletes one file under"
                    + " .winnow/access-check/. Prints what works and, for what does not, the permission that is missing"
                    + " (like s3:ListBucket or s3:PutObject)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every checked operation works",
            "1:an operation was refused or failed",
            "2:wrong usage (a malformed location)"
        })
public final class CheckAccessCommand implements Callable<Integer> {
    /** Where the written probe goes, below the location. */
    static final String PROBE_FOLDER = ".winnow/access-check";

    @Parameters(index = "0", paramLabel = "LOC", description = "A folder, file:// URI or bucket (s3://, gs://, az://).")
    String location;

    @Option(names = "--write", description = "Also write and delete one file under .winnow/access-check/.")
    boolean write;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What one check found: ok, or the reason and the missing permission when one is known. */
    private record Outcome(
            boolean ok, String text, @Nullable String permission) {
        static Outcome ok(String text) {
            return new Outcome(true, text, null);
        }

        static Outcome of(IOException e) {
            if (e instanceof LocationAccessException denied && denied.permission() != null) {
                return new Outcome(false, "denied, missing permission " + denied.permission(), denied.permission());
            }
            return new Outcome(
                    false, "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Datasource source;
        try {
            source = write ? Locations.openOrCreate(location) : Locations.open(location);
        } catch (UnsupportedLocationException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            out.println("Access to " + location + ":");
            out.println("  open: " + Outcome.of(e).text());
            out.println(e instanceof LocationAccessException ? e.getMessage() : "The location cannot be opened.");
            out.flush();
            return ExitCodes.INVALID;
        }
        out.println("Access to " + source.description() + ":");
        List<String> missing = new ArrayList<>();
        boolean allOk = true;

        Optional<String> sample = Optional.empty();
        Outcome list;
        try {
            sample = source.anyFile("");
            list = Outcome.ok("ok");
        } catch (IOException e) {
            list = Outcome.of(e);
        }
        allOk &= report(out, "list", list, missing);

        boolean readChecked = false;
        if (sample.isPresent()) {
            allOk &= report(out, "read", read(source, sample.get()), missing);
            readChecked = true;
        }

        if (write) {
            String probe = PROBE_FOLDER + "/" + UUID.randomUUID() + ".txt";
            Outcome written;
            try {
                source.writeAtomically(
                        probe, "Written by winnow check-access; safe to delete.\n".getBytes(StandardCharsets.UTF_8));
                written = Outcome.ok("ok (" + probe + ")");
            } catch (IOException e) {
                written = Outcome.of(e);
            }
            allOk &= report(out, "write", written, missing);
            if (written.ok()) {
                if (!readChecked) {
                    allOk &= report(out, "read", read(source, probe), missing);
                    readChecked = true;
                }
                Outcome deleted;
                try {
                    source.delete(probe);
                    deleted = Outcome.ok("ok");
                } catch (IOException e) {
                    deleted = Outcome.of(e);
                }
                allOk &= report(out, "delete", deleted, missing);
                if (!deleted.ok()) {
                    out.println("  note: the probe " + probe + " is left behind.");
                }
            } else {
                out.println("  delete: not checked (nothing was written)");
            }
        }
        if (!readChecked) {
            out.println("  read: not checked (" + (list.ok() ? "the location holds no file" : "no file could be listed")
                    + (write ? "" : "; --write checks with a file of its own") + ")");
        }
        if (allOk) {
            out.println("Every checked operation works.");
        } else if (missing.isEmpty()) {
            out.println("Some operations failed.");
        } else {
            out.println("Missing permissions: " + String.join(", ", missing) + ".");
        }
        out.flush();
        return allOk ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private static Outcome read(Datasource source, String path) {
        try {
            source.readRange(path, 0, 1);
            return Outcome.ok("ok (" + path + ")");
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    private static boolean report(PrintWriter out, String operation, Outcome outcome, List<String> missing) {
        out.println("  " + operation + ": " + outcome.text());
        if (outcome.permission() != null && !missing.contains(outcome.permission())) {
            missing.add(outcome.permission());
        }
        return outcome.ok();
    }
}
