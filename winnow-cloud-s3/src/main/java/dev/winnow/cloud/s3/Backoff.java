package dev.winnow.cloud.s3;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries an asynchronous request with exponential backoff and full jitter: the n-th retry waits a
 * random time up to {@code base * 2^n}, capped, so that many clients throttled at once spread out
 * instead of returning together. Only failures the predicate calls transient are retried.
 */
final class Backoff {
    /** One timer thread for all waits of the process; daemon, so it never keeps a finished command alive. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "winnow-s3-backoff");
        thread.setDaemon(true);
        return thread;
    });

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Predicate<Throwable> transientFailure;

    Backoff(int maxAttempts, long baseMillis, long capMillis, Predicate<Throwable> transientFailure) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.transientFailure = transientFailure;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The request's result, retried while it fails transiently and tries are left; the last failure otherwise. */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(request, 1, result);
        return result;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> request, int attempt, CompletableFuture<T> result) {
        CompletableFuture<T> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> unused = sent.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(failure);
            if (attempt >= maxAttempts || !transientFailure.test(cause)) {
                result.completeExceptionally(cause);
                return;
            }
            ScheduledFuture<?> unusedRetry = TIMER.schedule(
                    () -> attempt(request, attempt + 1, result), delayMillis(attempt), TimeUnit.MILLISECONDS);
        });
    }

    /** Full jitter: uniformly random up to the exponential bound of this attempt. */
    long delayMillis(int attempt) {
        long bound = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
