package dev.winnow.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jspecify.annotations.Nullable;

/**
 * Tests that need a tool of the machine (ffmpeg) skip on a developer's machine without it, but
 * fail in continuous integration (environment variable {@code CI=true}), so that a green CI run
 * never hides skipped real-media tests.
 */
public final class TestEnvironment {
    private TestEnvironment() {}

    /** True when the environment variable {@code CI} is {@code true}. */
    public static boolean inContinuousIntegration() {
        return isTrue(System.getenv("CI"));
    }

    /** Skips the calling test when {@code met} is false, or fails it under {@code CI=true}. */
    public static void require(boolean met, String missing) {
        require(met, missing, System.getenv("CI"));
    }

    static void require(boolean met, String missing, @Nullable String ci) {
        if (met) {
            return;
        }
        if (isTrue(ci)) {
            fail(missing + "; under CI=true a test that needs it fails instead of skipping.");
        }
        assumeTrue(false, missing + "; the test is skipped (it fails under CI=true).");
    }

    private static boolean isTrue(@Nullable String value) {
        return value != null && value.trim().equalsIgnoreCase("true");
    }
}
