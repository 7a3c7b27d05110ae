package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir
    Path dir;

    private static String owner(long pid, Instant started) throws Exception {
        return "'winnow run' (process " + pid + " on host "
                + InetAddress.getLocalHost().getHostName() + ", started " + started + ")";
    }

    private String refusal(String owner) {
        return "The output " + dir + " is being written by " + owner + "; wait until it ends, or delete "
                + dir.resolve(".winnow/lock") + " if that process no longer runs.";
    }

    @Test
    void twoThreadsAtOnce_oneHoldsTheLock_theOtherIsRefusedNamingIt() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        String me = owner(self.pid(), self.info().startInstant().orElseThrow());
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch bothTried = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                Object result;
                try {
                    result = OutputLock.acquire(dir, "winnow run");
                } catch (OutputLockedException e) {
                    result = e.getMessage();
                }
                bothTried.countDown();
                bothTried.await();
                return result;
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o instanceof OutputLock).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof String).containsExactly(refusal(me));
        OutputLock held = (OutputLock) outcomes.stream()
                .filter(o -> o instanceof OutputLock)
                .findFirst()
                .orElseThrow();
        assertThat(held.tookOver()).isEmpty();
        assertThat(Files.readString(dir.resolve(".winnow/lock")))
                .startsWith("host=" + InetAddress.getLocalHost().getHostName() + "\npid=" + self.pid() + "\n")
                .endsWith("\ncommand=winnow run\n");
        held.close();
        assertThat(Files.size(dir.resolve(".winnow/lock"))).isZero();
        try (OutputLock again = OutputLock.acquire(dir, "winnow run")) {
            assertThat(again.tookOver()).isEmpty();
        }
    }

    @Test
    void anotherProcessHoldsIt_isRefused_andWhenKilled_itsStaleLockIsTakenOverAndNamed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            Instant childStart = child.info().startInstant().orElseThrow();
            String holder = owner(child.pid(), Instant.parse(lockLine("started=")));
            assertThat(Instant.parse(lockLine("started=")).toEpochMilli())
                    .isCloseTo(childStart.toEpochMilli(), Offset.offset(1000L));

            assertThatThrownBy(() -> OutputLock.acquire(dir, "winnow run"))
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessage(refusal(holder));
            // Waiting does not help while it runs.
            assertThatThrownBy(() -> OutputLock.acquire(dir, "winnow convert", Duration.ofMillis(200)))
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessage(refusal(holder));

            child.destroyForcibly(); // SIGKILL: the child cannot release anything
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lockLine("pid=")).isEqualTo(Long.toString(child.pid()));
            try (OutputLock taken = OutputLock.acquire(dir, "winnow run")) {
                assertThat(taken.tookOver()).isPresent();
                assertThat(taken.tookOver().get().pid()).isEqualTo(child.pid());
                assertThat(taken.tookOver().get().describe()).isEqualTo(holder);
                assertThat(lockLine("pid="))
                        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private String lockLine(String key) throws Exception {
        return Files.readAllLines(dir.resolve(".winnow/lock")).stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()))
                .findFirst()
                .orElseThrow();
    }
}
