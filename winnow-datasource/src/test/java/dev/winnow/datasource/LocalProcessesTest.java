package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalProcessesTest {
    private static final long HOUR_MILLIS = 3_600_000;

    @Test
    void thisProcess_runs_atItsOwnStartAndWhenTheStartWasNotRecorded() {
        long pid = LocalProcesses.currentPid();
        long start = LocalProcesses.currentStart().map(Instant::toEpochMilli).orElseThrow();

        assertThat(LocalProcesses.runs(pid, start)).isTrue();
        assertThat(LocalProcesses.runs(pid, 0)).isTrue();
    }

    @Test
    void aReusedProcessId_isNotTheRecordedProcess() {
        long pid = LocalProcesses.currentPid();
        long start = LocalProcesses.currentStart().map(Instant::toEpochMilli).orElseThrow();

        assertThat(LocalProcesses.runs(pid, start - HOUR_MILLIS)).isFalse();
    }

    @Test
    void anEndedProcess_doesNotRun() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();

        assertThat(LocalProcesses.runs(child.pid(), 0)).isFalse();
    }
}
