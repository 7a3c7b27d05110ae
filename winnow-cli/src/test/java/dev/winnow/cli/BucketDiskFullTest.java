package dev.winnow.cli;

import static dev.winnow.cli.CrashFixture.copyTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cli.CrashFixture.State;
import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.TestEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winnow convert} and {@code winnow run} into an S3 bucket whose store runs out of disk
 * midway. The store is S3Proxy over files ({@link S3ProxyServer#onDisk}) on a small tmpfs that its
 * process mounts in a mount namespace of its own; full, it answers HTTP 507 as S3-compatible stores
 * do. The disk is filled to leave room for exactly the files an uninterrupted command writes before
 * a chosen one, so the command fails on that file: exit code 3 and one sentence naming it. The
 * bucket then reads as before (validate says the same, runs and datapools unchanged), and the same
 * command, once the disk has room, leaves what the uninterrupted command left.
 *
 * <p>Where no tmpfs can be mounted the tests are skipped with the reason; under {@code CI=true}
 * they fail instead.
 */
class BucketDiskFullTest {
    /** tmpfs accounts for whole pages. */
    private static final long PAGE = 4096;

    @TempDir
    static Path dir;

    private static CrashFixture fixture;
    private static @Nullable String noTmpfs;
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The store, shared by the tests of this class; null where no tmpfs can be mounted. */
    private static @Nullable BucketDisk disk;

    @BeforeAll
    static void dataset() throws Exception {
        fixture = CrashFixture.create(dir, 24);
        noTmpfs = DiskFullTest.tmpfsRefusal(dir);
        if (noTmpfs != null) {
            System.out.println("BucketDiskFullTest: no tmpfs can be mounted here (" + noTmpfs + ").");
        } else {
            disk = BucketDisk.start("room", "full");
        }
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void convertIntoABucket_failsOnTheSchemaAfterThePredictionFiles() throws Exception {
        fullBucket(
                "convert",
                List.of(),
                fixture::convert,
                // Room for the prediction files, none for the task's schema written after them.
                uninterrupted -> pages(uninterrupted, ".lightly/predictions/boxes/", "schema.json"),
                uninterrupted -> List.of("winnow: reading or writing failed: The S3 endpoint of s3://full/convert is"
                        + " full: it answered HTTP 507 Insufficient Storage writing"
                        + " '.lightly/predictions/boxes/schema.json'."),
                ".lightly/predictions/");
    }

    @Test
    void secondImageLevelRunIntoABucket_failsOnTheDatapoolAfterTheRunsFiles() throws Exception {
        fullBucket(
                "run",
                List.of(fixture::firstRun),
                fixture::secondRun,
                // Room for the run's files, none for the datapool's new generation published after them,
                // whose files are sent at once: whichever of them the store refuses first is named.
                uninterrupted -> pages(uninterrupted, ".winnow/runs/second/", "run.complete"),
                uninterrupted -> contents(uninterrupted, ".winnow/datapool/gen-2/").keySet().stream()
                        .map(file -> "winnow: The S3 endpoint of s3://full/run is full: it answered HTTP 507"
                                + " Insufficient Storage writing '" + file + "'.")
                        .toList(),
                ".winnow/runs/second/selected.txt",
                ".winnow/runs/second/selection.csv",
                ".winnow/runs/second/scores.csv");
    }

    /**
     * Makes the state before the command in {@code s3://full/<prefix>} with {@code before} and
     * copies it to {@code s3://room/<prefix>}, where {@code command} runs uninterrupted; then fills
     * the disk but for {@code spare} bytes (a function of the uninterrupted output), runs
     * {@code command} into the full bucket, and checks that it said one of {@code messages} (a function
     * of the uninterrupted output: the files that may be refused first), left the bucket
     * as before, and with room finishes with the uninterrupted command's state and {@code compared}
     * files (or folders, ending in '/').
     */
    private void fullBucket(
            String prefix,
            List<Function<String, List<String>>> before,
            Function<String, List<String>> command,
            Spare spare,
            Messages messages,
            String... compared)
            throws Exception {
        TestEnvironment.require(
                disk != null, "A tmpfs mounted in a private mount namespace is needed (" + noTmpfs + ")");
        BucketDisk store = Objects.requireNonNull(disk);
        String full = "s3://full/" + prefix;
        Path fullFolder = store.folder("full/" + prefix);
        Path roomFolder = store.folder("room/" + prefix);
        copyTree(fixture.predictions, fullFolder.resolve(".lightly"));
        for (Function<String, List<String>> step : before) {
            assertThat(store.winnow(step.apply(full)).exit()).isEqualTo(ExitCodes.OK);
        }
        copyTree(fullFolder, roomFolder);
        assertThat(store.winnow(command.apply("s3://room/" + prefix)).exit()).isEqualTo(ExitCodes.OK);
        State uninterrupted = observe(roomFolder);
        State previous = observe(fullFolder);

        store.fillBut(spare.of(roomFolder));
        Finished failed;
        try {
            failed = store.winnow(command.apply(full));
        } finally {
            store.free();
        }

        assertThat(failed.exit()).as(failed.err()).isEqualTo(ExitCodes.IO);
        List<String> expected = messages.of(roomFolder);
        assertThat(expected).isNotEmpty();
        assertThat(withoutProgress(failed.err()))
                .isIn(expected.stream().map(line -> line + "\n").toList());
        assertThat(observe(fullFolder)).isEqualTo(previous);

        // With room, the same command finishes as the uninterrupted one.
        assertThat(store.winnow(command.apply(full)).exit()).isEqualTo(ExitCodes.OK);
        assertThat(observe(fullFolder)).isEqualTo(uninterrupted);
        for (String file : compared) {
            assertThat(contents(fullFolder, file)).as(file).isEqualTo(contents(roomFolder, file));
        }
    }

    /** The bytes of a store's disk to leave free, from the output of the uninterrupted command. */
    @FunctionalInterface
    private interface Spare {
        long of(Path uninterrupted) throws IOException;
    }

    /** The sentences a command may end with, from the output of the uninterrupted command. */
    @FunctionalInterface
    private interface Messages {
        List<String> of(Path uninterrupted) throws IOException;
    }

    /** The bytes the files below {@code prefix} of {@code output} take on a tmpfs, but {@code except}. */
    private static long pages(Path output, String prefix, String except) throws IOException {
        long bytes = 0;
        for (Map.Entry<String, String> file : contents(output, prefix).entrySet()) {
            if (!file.getKey().endsWith("/" + except)) {
                bytes += PAGE * ((file.getValue().length() + PAGE - 1) / PAGE);
            }
        }
        return bytes;
    }

    /** The files of {@code output} below {@code prefix} (a folder ending in '/', or one file), by path. */
    private static Map<String, String> contents(Path output, String prefix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path start = output.resolve(prefix);
        if (!Files.exists(start)) {
            return files;
        }
        try (var walk = Files.walk(start)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        output.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /**
     * How the bucket's files look to a user, observed on a copy: the store's disk is reached through
     * a link ({@code /proc/<pid>/root}) that a datasource would resolve away.
     */
    private static State observe(Path output) throws IOException {
        Path copy = dir.resolve("copy-" + NAMES.incrementAndGet());
        copyTree(output, copy);
        return fixture.observe(LocalDatasource.at(copy), copy.toString());
    }

    /** What a command wrote to its standard error, without its progress lines. */
    private static String withoutProgress(String err) {
        return err.replaceAll("(?m)^[A-Z][^\n]*(\\.\\.\\.|: [0-9]+ to do|: done \\([0-9]+ of [0-9]+\\))\n", "");
    }

    /**
     * The S3 store as a process of its own: S3Proxy over files on a tmpfs of 8 MiB, mounted in the
     * process's own mount namespace, which this test reaches through {@code /proc/<pid>/root}.
     */
    private static final class BucketDisk implements AutoCloseable {
        private final Process proxy;
        private final OutputStream keepServing;
        private final Path disk;
        private final Map<String, String> env;

        private BucketDisk(Process proxy, Path mount, int port) {
            this.proxy = proxy;
            this.keepServing = proxy.getOutputStream();
            this.disk = Path.of("/proc/" + proxy.pid() + "/root" + mount);
            this.env = S3ProxyServer.clientEnvironment("http://127.0.0.1:" + port);
        }

        static BucketDisk start(String... buckets) throws Exception {
            Path mount = Files.createDirectories(dir.resolve("disk-" + NAMES.incrementAndGet()));
            List<String> command = new ArrayList<>(List.of(
                    "unshare",
                    "-rm",
                    "bash",
                    "-c",
                    "mount -t tmpfs -o size=8m winnow-bucket \"$1\" || exit 99; shift; exec \"$@\"",
                    "bash",
                    mount.toString(),
                    ChildWinnow.java(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    S3ProxyServer.class.getName(),
                    mount.toString()));
            command.addAll(List.of(buckets));
            Process proxy =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                return new BucketDisk(proxy, mount, portOf(proxy));
            } catch (Exception | AssertionError e) {
                proxy.destroyForcibly();
                throw e;
            }
        }

        /** A file or folder of the store, bucket first. */
        Path folder(String path) {
            return disk.resolve(path);
        }

        /** Fills the disk with one file until {@code spare} bytes are left. */
        void fillBut(long spare) throws IOException {
            Path filler = disk.resolve("filler");
            try (FileChannel channel =
                    FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long room = Files.getFileStore(disk).getUsableSpace() - spare;
                ByteBuffer block = ByteBuffer.allocate(1 << 16);
                for (long written = 0; written < room; ) {
                    block.clear().limit((int) Math.min(block.capacity(), room - written));
                    written += channel.write(block);
                }
            }
            assertThat(Files.getFileStore(disk).getUsableSpace()).isEqualTo(spare);
        }

        void free() throws IOException {
            Files.delete(disk.resolve("filler"));
        }

        /** {@code winnow args} as a child reaching the store. */
        Finished winnow(List<String> args) throws Exception {
            int n = NAMES.incrementAndGet();
            Path out = dir.resolve("out-" + n + ".log");
            Path err = dir.resolve("err-" + n + ".log");
            ProcessBuilder builder = new ProcessBuilder(ChildWinnow.commandLine(args))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process child = builder.start();
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Finished(child.exitValue(), Files.readString(out), Files.readString(err));
        }

        @Override
        public void close() throws Exception {
            keepServing.close();
            if (!proxy.waitFor(30, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
        }

        /** The port the store says it serves on. */
        private static int portOf(Process proxy) throws IOException {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
            Pattern port = Pattern.compile("port ([0-9]+)");
            StringBuilder said = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = port.matcher(line);
                if (m.matches()) {
                    Thread drain = new Thread(() -> lines.lines().forEach(l -> {}));
                    drain.setDaemon(true);
                    drain.start();
                    return Integer.parseInt(m.group(1));
                }
                said.append(line).append('\n');
            }
            throw new AssertionError("The S3 store stopped before serving: " + said);
        }
    }
}
