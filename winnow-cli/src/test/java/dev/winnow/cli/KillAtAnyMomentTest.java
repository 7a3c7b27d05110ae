package dev.winnow.cli;

import static dev.winnow.cli.CrashFixture.copyTree;
import static dev.winnow.cli.CrashFixture.files;
import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cli.CrashFixture.State;
import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code winnow convert} and {@code winnow run} (image level over a datapool, object level,
 * and both into an S3 bucket served by S3Proxy in this JVM) with SIGKILL at seeded moments spread
 * over an uninterrupted run's duration, and at the moment its result becomes visible. After each
 * kill: validating the output gives what it gave before the command, or what it gives after a
 * whole one when the command got as far as publishing; a run is either complete with all its files
 * or absent; the datapool has learnt exactly the completed runs. Then the same command again
 * finishes and its outputs equal an uninterrupted run's byte for byte.
 *
 * <p>{@code -Dwinnow.crash.points=N} sets the seeded moments per command (a few in {@code mvn
 * verify}, 50 from {@code bench/crash.sh}); {@code -Dwinnow.crash.seed} the seed;
 * {@code -Dwinnow.crash.slice=K/M} kills only at the moments whose number is K modulo M (the same
 * moments as the whole campaign's, so M runs of a campaign together cover it).
 */
class KillAtAnyMomentTest {
    private static final int POINTS = Integer.getInteger("winnow.crash.points", 2);
    private static final long SEED = Long.getLong("winnow.crash.seed", 20261206L);
    private static final String SLICE = System.getProperty("winnow.crash.slice", "0/1");

    @TempDir
    static Path dir;

    private static CrashFixture fixture;
    private static final AtomicInteger LOCATIONS = new AtomicInteger();

    @BeforeAll
    static void dataset() throws Exception {
        fixture = CrashFixture.create(dir, 60);
    }

    // ---------------------------------------------------------------- the commands

    @Test
    void convertCoco_intoAFolder() throws Exception {
        campaign(new Scenario(
                "convert coco",
                Output.local(),
                List.of(),
                fixture::convert,
                List.of(".lightly/predictions/tasks.json", ".lightly/predictions/boxes/"),
                ".lightly/predictions/boxes/schema.json",
                CrashFixture::listsBoxes));
    }

    @Test
    void secondImageLevelRun_overTheDatapool() throws Exception {
        campaign(new Scenario(
                "run (image level, second run over the datapool)",
                Output.local(),
                List.of(fixture::firstRun),
                fixture::secondRun,
                List.of(
                        ".winnow/runs/second/selected.txt",
                        ".winnow/runs/second/selection.csv",
                        ".winnow/runs/second/scores.csv"),
                ".winnow/runs/second/run.complete",
                out -> out.stat(".winnow/runs/second/run.complete").isPresent()));
    }

    @Test
    void objectLevelRun() throws Exception {
        campaign(new Scenario(
                "run (object level)",
                Output.local(),
                List.of(),
                fixture::objectRun,
                List.of(
                        ".winnow/runs/objects/selected.txt",
                        ".winnow/runs/objects/selection.csv",
                        ".winnow/runs/objects/scores.csv"),
                ".winnow/runs/objects/run.complete",
                out -> out.stat(".winnow/runs/objects/run.complete").isPresent()));
    }

    @Test
    void convertCoco_intoABucket() throws Exception {
        campaign(new Scenario(
                "convert coco into s3://",
                Output.s3(),
                List.of(),
                fixture::convert,
                List.of(".lightly/predictions/tasks.json", ".lightly/predictions/boxes/"),
                ".lightly/predictions/boxes/schema.json",
                CrashFixture::listsBoxes));
    }

    @Test
    void secondImageLevelRun_intoABucket() throws Exception {
        campaign(new Scenario(
                "run --output s3:// (image level, second run over the datapool)",
                Output.s3(),
                List.of(fixture::firstRun),
                fixture::secondRun,
                List.of(
                        ".winnow/runs/second/selected.txt",
                        ".winnow/runs/second/selection.csv",
                        ".winnow/runs/second/scores.csv"),
                ".winnow/runs/second/run.complete",
                out -> out.stat(".winnow/runs/second/run.complete").isPresent()));
    }

    // ---------------------------------------------------------------- the harness

    /**
     * One command under test: where its output lives, the commands that make the state before it,
     * the command, the files (or folders, ending in '/') that must equal an uninterrupted run's, and
     * the file whose appearance is the last moment killed, and whether the result is published.
     */
    private record Scenario(
            String name,
            Output output,
            List<Function<String, List<String>>> before,
            Function<String, List<String>> command,
            List<String> compared,
            String trigger,
            Published published) {}

    /** Whether the command's result is published in an output. */
    @FunctionalInterface
    private interface Published {
        boolean in(Datasource output) throws IOException;
    }

    /** A kind of output location: a fresh one per use, and its files. */
    private interface Output {
        /** A new location holding {@code predictions}. */
        String fresh() throws Exception;

        /** A new location with the files of {@code from}. */
        String copyOf(String from) throws Exception;

        Datasource open(String location) throws IOException;

        /** Environment the child needs to reach the location. */
        Map<String, String> env() throws Exception;

        static Output local() {
            return new Output() {
                @Override
                public String fresh() throws IOException {
                    Path out = dir.resolve("out-" + LOCATIONS.incrementAndGet());
                    copyTree(fixture.predictions, out.resolve(".lightly"));
                    return out.toString();
                }

                @Override
                public String copyOf(String from) throws IOException {
                    Path out = dir.resolve("out-" + LOCATIONS.incrementAndGet());
                    copyTree(Path.of(from), out);
                    return out.toString();
                }

                @Override
                public Datasource open(String location) throws IOException {
                    return LocalDatasource.at(Path.of(location));
                }

                @Override
                public Map<String, String> env() {
                    return Map.of();
                }
            };
        }

        static Output s3() throws Exception {
            S3ProxyServer server = S3ProxyServer.get();
            server.useAsDefault();
            String bucket = server.newBucket("kills");
            return new Output() {
                @Override
                public String fresh() throws IOException {
                    String out = "s3://" + bucket + "/out-" + LOCATIONS.incrementAndGet();
                    Datasource target = Locations.openOrCreate(out);
                    Datasource source = LocalDatasource.at(fixture.predictions);
                    for (String path : source.list("")) {
                        target.writeAtomically(".lightly/" + path, source.readAllBytes(path, 1 << 26));
                    }
                    return out;
                }

                @Override
                public String copyOf(String from) throws IOException {
                    String out = "s3://" + bucket + "/out-" + LOCATIONS.incrementAndGet();
                    Datasource target = Locations.openOrCreate(out);
                    Datasource source = Locations.open(from);
                    for (String path : source.list("")) {
                        target.writeAtomically(path, source.readAllBytes(path, 1 << 26));
                    }
                    return out;
                }

                @Override
                public Datasource open(String location) throws IOException {
                    return Locations.open(location);
                }

                @Override
                public Map<String, String> env() {
                    return S3ProxyServer.clientEnvironment(server.endpoint().toString());
                }
            };
        }
    }

    /** What the kills of one command came to. */
    private static final class Tally {
        int beforeAnyOutput;
        int interrupted;
        int published;
        int finishedFirst;
        int reruns;

        @Override
        public String toString() {
            return beforeAnyOutput + " killed before writing, " + interrupted + " killed while writing, " + published
                    + " killed after publishing, " + finishedFirst + " finished before the kill; " + reruns
                    + " reruns, all equal to the uninterrupted run";
        }
    }

    private void campaign(Scenario scenario) throws Exception {
        String template = scenario.output().fresh();
        for (Function<String, List<String>> step : scenario.before()) {
            assertThat(inProcess(step.apply(template)).exit()).isEqualTo(ExitCodes.OK);
        }
        State before = observe(scenario, template);

        // The uninterrupted command, in a child like the killed ones, timed.
        String reference = scenario.output().copyOf(template);
        Path log = dir.resolve("reference-" + LOCATIONS.incrementAndGet() + ".log");
        long start = System.nanoTime();
        Process whole = ChildWinnow.start(
                scenario.command().apply(reference), scenario.output().env(), log);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long duration = System.nanoTime() - start;
        assertThat(whole.exitValue()).as(Files.readString(log)).isZero();
        State after = observe(scenario, reference);
        Map<String, byte[]> expected = compared(scenario, reference);
        assertThat(after).isNotEqualTo(before);
        assertThat(expected).isNotEmpty();

        // Moments spread evenly over the duration, each at a seeded place inside its stretch, and
        // one right when the result becomes visible.
        Random random = new Random(SEED ^ scenario.name().hashCode());
        Tally tally = new Tally();
        int sliceOf = Integer.parseInt(SLICE.substring(SLICE.indexOf('/') + 1));
        int slice = Integer.parseInt(SLICE.substring(0, SLICE.indexOf('/')));
        int killedAt = 0;
        for (int point = 0; point <= POINTS; point++) {
            boolean atPublish = point == POINTS;
            long delay = atPublish ? -1 : (long) ((point + random.nextDouble()) / POINTS * duration);
            if (point % sliceOf != slice) {
                continue;
            }
            killedAt++;
            String killed = scenario.output().copyOf(template);
            Path childLog = dir.resolve("killed-" + LOCATIONS.incrementAndGet() + ".log");
            Process child = ChildWinnow.start(
                    scenario.command().apply(killed), scenario.output().env(), childLog);
            String where = scenario.name() + ", killed "
                    + (atPublish
                            ? "when " + scenario.trigger() + " appeared"
                            : String.format(Locale.ROOT, "at %.3f s of %.3f s", delay / 1e9, duration / 1e9));
            boolean finished = atPublish ? killWhenPublished(child, scenario, killed) : killAfter(child, delay);
            State state = observe(scenario, killed);
            boolean published = scenario.published().in(scenario.output().open(killed));
            if (finished) {
                tally.finishedFirst++;
                assertThat(child.exitValue())
                        .as(where + ": " + Files.readString(childLog))
                        .isZero();
            }
            if (published) {
                assertThat(state).as(where + ": the published result").isEqualTo(after);
                tally.published += finished ? 0 : 1;
            } else {
                assertThat(state).as(where + ": the state before the command").isEqualTo(before);
                if (written(scenario, killed, template)) {
                    tally.interrupted++;
                } else {
                    tally.beforeAnyOutput++;
                }
                Finished rerun = inProcess(scenario.command().apply(killed));
                assertThat(rerun.exit())
                        .as(where + ", the rerun: " + rerun.err())
                        .isEqualTo(ExitCodes.OK);
                tally.reruns++;
                assertThat(observe(scenario, killed))
                        .as(where + ", after the rerun")
                        .isEqualTo(after);
            }
            Map<String, byte[]> outputs = compared(scenario, killed);
            assertThat(outputs.keySet()).as(where).isEqualTo(expected.keySet());
            for (String file : expected.keySet()) {
                assertThat(new String(outputs.get(file), StandardCharsets.ISO_8859_1))
                        .as(where + ": " + file)
                        .isEqualTo(new String(expected.get(file), StandardCharsets.ISO_8859_1));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Killed %s at %d points (slice %s of %d moments) over %.2f s: %s.%n",
                scenario.name(),
                killedAt,
                SLICE,
                POINTS + 1,
                duration / 1e9,
                tally);
    }

    /** Waits {@code nanos}, then kills the child; true when it had finished by then. */
    private static boolean killAfter(Process child, long nanos) throws InterruptedException {
        if (child.waitFor(nanos, TimeUnit.NANOSECONDS)) {
            return true;
        }
        child.destroyForcibly();
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return false;
    }

    /** Kills the child as soon as the scenario's trigger file exists; true when it had finished first. */
    private static boolean killWhenPublished(Process child, Scenario scenario, String location) throws Exception {
        Datasource output = scenario.output().open(location);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (output.stat(scenario.trigger()).isPresent()) {
                child.destroyForcibly();
                break;
            }
            Thread.onSpinWait();
        }
        boolean alive = child.isAlive();
        child.destroyForcibly();
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return !alive && child.exitValue() == 0;
    }

    /** Whether the killed command left any file beyond the state it started from. */
    private static boolean written(Scenario scenario, String killed, String template) throws IOException {
        return !new TreeMap<>(files(scenario.output().open(killed), ""))
                .keySet()
                .equals(files(scenario.output().open(template), "").keySet());
    }

    private static State observe(Scenario scenario, String location) throws Exception {
        return fixture.observe(scenario.output().open(location), location);
    }

    /** The scenario's compared files in {@code location}, by path. */
    private static Map<String, byte[]> compared(Scenario scenario, String location) throws IOException {
        Datasource output = scenario.output().open(location);
        Map<String, byte[]> files = new TreeMap<>();
        for (String wanted : scenario.compared()) {
            if (wanted.endsWith("/")) {
                files.putAll(files(output, wanted.substring(0, wanted.length() - 1)));
            } else if (output.stat(wanted).isPresent()) {
                files.put(wanted, output.readAllBytes(wanted, 1 << 26));
            }
        }
        return files;
    }
}
