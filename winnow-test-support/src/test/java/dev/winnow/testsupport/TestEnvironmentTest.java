package dev.winnow.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestEnvironmentTest {
    @Test
    void missingUnderCi_failsTheTest() {
        assertThatThrownBy(() -> TestEnvironment.require(false, "ffmpeg is not installed", "true"))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessage("ffmpeg is not installed; under CI=true a test that needs it fails instead of skipping.");
    }

    @Test
    void missingOutsideCi_skipsTheTest() {
        for (String ci : new String[] {null, "", "false", "0"}) {
            assertThatThrownBy(() -> TestEnvironment.require(false, "ffmpeg is not installed", ci))
                    .isExactlyInstanceOf(TestAbortedException.class)
                    .hasMessage("Assumption failed: ffmpeg is not installed; the test is skipped (it fails "
                            + "under CI=true).");
        }
    }

    @Test
    void present_runsTheTestInAndOutsideCi() {
        assertThatCode(() -> TestEnvironment.require(true, "ffmpeg is not installed", "true"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TestEnvironment.require(true, "ffmpeg is not installed", null))
                .doesNotThrowAnyException();
    }
}
