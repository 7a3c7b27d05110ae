package dev.winnow.datasource;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The processes of this host, as an output lock or a staging folder records its owner: this
 * process's id and start time, the host's name, and whether a recorded process is still the one
 * running. A process id alone is not enough, since the system reuses ids; the start time tells a
 * reused id apart.
 */
public final class LocalProcesses {
    /** Start times are compared with this slack: the system derives them from clock ticks. */
    private static final long START_SLACK_MILLIS = 1000;

    private LocalProcesses() {}

    /** This host's name, looked up once; empty when the system cannot say it. */
    public static Optional<String> hostName() {
        return HostName.VALUE;
    }

    /** This process's id. */
    public static long currentPid() {
        return ProcessHandle.current().pid();
    }

    /** When this process started, when the system says. */
    public static Optional<Instant> currentStart() {
        return ProcessHandle.current().info().startInstant();
    }

    /**
     * Whether process {@code pid} of this host is alive and started at {@code startMillis} (epoch
     * milliseconds; 0 when it was not known, which any start matches), give or take a second.
     * A start the system does not report matches too, since it cannot tell otherwise.
     */
    public static boolean runs(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return startMillis == 0
                || start.isEmpty()
                || Math.abs(start.get().toEpochMilli() - startMillis) <= START_SLACK_MILLIS;
    }

    /** Looked up once: resolving the host name can take a while. */
    private static final class HostName {
        static final Optional<String> VALUE = lookUp();

        private static Optional<String> lookUp() {
            try {
                return Optional.of(InetAddress.getLocalHost().getHostName());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
