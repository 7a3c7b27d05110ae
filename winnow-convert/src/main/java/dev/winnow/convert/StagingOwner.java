package dev.winnow.convert;

import dev.winnow.datasource.LocalProcesses;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that made a hidden staging folder, written into the folder's name
 * ({@code .<task>.staging-<random>.p<pid>-t<start millis>-h<host>}) so that a later conversion can
 * tell a folder left by a killed one from a folder still being filled, without any file to read or
 * remove. A folder is proven abandoned only when it was made on this host and its process is gone
 * (no process with that id, or one started at another time, so a reused id does not count).
 */
record StagingOwner(long pid, long startMillis, String host) {
    private static final Pattern NAME = Pattern.compile(
            "^\\.(.+)\\.(staging|replaced)-[0-9a-f]+\\.p([0-9]{1,18})-t([0-9]{1,18})-h([A-Za-z0-9.-]{1,63})$");

    /** This process. */
    static StagingOwner current() {
        long start = LocalProcesses.currentStart().map(Instant::toEpochMilli).orElse(0L);
        return new StagingOwner(LocalProcesses.currentPid(), start, Holder.HOST);
    }

    /** The suffix of a staging folder's name that names this owner. */
    String suffix() {
        return "p" + pid + "-t" + startMillis + "-h" + host;
    }

    /** A hidden folder's owner and task, when its name has the owner's suffix. */
    record Named(String task, String kind, StagingOwner owner) {}

    static Optional<Named> parse(String folderName) {
        Matcher m = NAME.matcher(folderName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Named(
                m.group(1),
                m.group(2),
                new StagingOwner(Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5))));
    }

    /** Whether this owner is proven to have stopped: same host, and no living process with its id and start time. */
    boolean provenGone() {
        return host.equals(Holder.HOST) && !host.equals(UNKNOWN_HOST) && !LocalProcesses.runs(pid, startMillis);
    }

    private static final String UNKNOWN_HOST = "unknown";

    /** The host name, read once; characters a folder name should not hold become '-'. */
    private static final class Holder {
        static final String HOST = hostName();

        private static String hostName() {
            Optional<String> known = LocalProcesses.hostName();
            if (known.isEmpty()) {
                return UNKNOWN_HOST;
            }
            String name = known.get();
            String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
            safe = safe.length() > 63 ? safe.substring(0, 63) : safe;
            return safe.isEmpty() ? UNKNOWN_HOST : safe;
        }
    }
}
