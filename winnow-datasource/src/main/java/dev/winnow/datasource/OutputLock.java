package dev.winnow.datasource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one writer of an output folder at a time: {@code .winnow/lock}, held with an operating-system
 * lock while a command writes, and naming its owner (host, process id, start time, command) so that
 * a refused command can say who holds it.
 *
 * <p>The operating system frees the lock when its process dies, however it dies, so a lock file
 * left behind by a killed process is simply taken: that is a stale lock, and {@link #tookOver()}
 * names its late owner. The file is emptied on release but never deleted, since deleting it would
 * let two later processes lock two different files of one name. A lock file naming a live process
 * of this host is respected even when the file system's locks are free (file systems where locking
 * does nothing).
 *
 * <pre>{@code
 * try (OutputLock lock = OutputLock.acquire(outputFolder, "winnow run")) {
 *     lock.tookOver().ifPresent(owner -> progress.message("Took over ... " + owner.describe()));
 *     ... write ...
 * }
 * }</pre>
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file, relative to the output folder. */
    public static final String PATH = ".winnow/lock";

    private static final int MAX_OWNER_BYTES = 4096;

    /** Who holds (or held) a lock: enough to find the process and to tell a reused process id. */
    public record Owner(String host, long pid, Instant started, String command) {
        /** {@code 'winnow run' (process 4242 on host lab-1, started 2026-01-05T10:00:00Z)}. */
        public String describe() {
            return "'" + command + "' (process " + pid + " on host " + host + ", started " + started + ")";
        }

        String toText() {
            return "host=" + host + "\npid=" + pid + "\nstarted=" + started + "\ncommand=" + command + "\n";
        }

        static Optional<Owner> parse(String text) {
            String host = null;
            String command = "";
            long pid = -1;
            Instant started = null;
            try {
                for (String line : text.split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String value = line.substring(eq + 1);
                    switch (line.substring(0, eq)) {
                        case "host" -> host = value;
                        case "pid" -> pid = Long.parseLong(value);
                        case "started" -> started = Instant.parse(value);
                        case "command" -> command = value;
                        default -> {}
                    }
                }
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            return host == null || pid < 0 || started == null
                    ? Optional.empty()
                    : Optional.of(new Owner(host, pid, started, command));
        }

        /** Whether this owner is a process running now on this host (same id, same start time). */
        boolean runsHere() {
            return host.equals(thisHost()) && LocalProcesses.runs(pid, started.toEpochMilli());
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final @Nullable Owner tookOver;

    private OutputLock(Path file, FileChannel channel, FileLock lock, @Nullable Owner tookOver) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.tookOver = tookOver;
    }

    /**
     * Takes the lock of {@code outputFolder} for {@code command}, or throws an
     * {@link OutputLockedException} whose message names the owner.
     */
    public static OutputLock acquire(Path outputFolder, String command) throws IOException {
        Path file = outputFolder.resolve(PATH);
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another thread of this process
            }
            Optional<Owner> previous = Owner.parse(read(channel));
            // The holder writes its name just after locking: give it a moment, so the refusal can name it.
            for (int i = 0; lock == null && previous.isEmpty() && i < 50; i++) {
                sleep();
                previous = Owner.parse(read(channel));
            }
            if (lock == null || previous.filter(Owner::runsHere).isPresent()) {
                if (lock != null) {
                    lock.release();
                }
                channel.close();
                throw new OutputLockedException(outputFolder, previous);
            }
            Owner self = current(command);
            try {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(self.toText().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
            } catch (IOException e) {
                throw WriteFailure.naming(file, e);
            }
            return new OutputLock(file, channel, lock, previous.orElse(null));
        } catch (IOException | RuntimeException e) {
            if (channel.isOpen()) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * As {@link #acquire(Path, String)}, trying again for up to {@code wait} while another command
     * holds the lock: for short updates (a task added to {@code tasks.json}) that must not fail only
     * because another one is in progress.
     */
    public static OutputLock acquire(Path outputFolder, String command, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return acquire(outputFolder, command);
            } catch (OutputLockedException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The owner of a stale lock this one replaced: a process that ended without releasing it. */
    public Optional<Owner> tookOver() {
        return Optional.ofNullable(tookOver);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_OWNER_BYTES));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // until full or at the end
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Owner current(String command) {
        Instant started = LocalProcesses.currentStart().orElse(Instant.now());
        return new Owner(thisHost(), LocalProcesses.currentPid(), started, command);
    }

    private static String thisHost() {
        return LocalProcesses.hostName().orElse("localhost");
    }
}
