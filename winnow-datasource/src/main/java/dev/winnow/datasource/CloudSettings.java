package dev.winnow.datasource;

/**
 * Settings every cloud datasource of a process shares, set once from the command line before
 * locations are opened ({@code --cloud-concurrency}).
 */
public final class CloudSettings {
    /** Requests in flight per cloud datasource when the user sets nothing. */
    public static final int DEFAULT_CONCURRENCY = 64;

    private static volatile int concurrency = DEFAULT_CONCURRENCY;

    private CloudSettings() {}

    /** How many requests a cloud datasource keeps in flight at most (reads, lists, writes). */
    public static int concurrency() {
        return concurrency;
    }

    /** Sets {@link #concurrency()}; at least 1. */
    public static void concurrency(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("The cloud concurrency must be at least 1, but was " + requests + ".");
        }
        concurrency = requests;
    }
}
