package dev.winnow.cloud.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * The retry rule of every Azure request: throttling (429), server errors (500, 502, 503, 504),
 * timeouts (408) and dropped or reset connections are tried again, up to {@link #MAX_RETRIES}
 * times, after an exponential backoff with full jitter (a random wait up to 200 ms, 400 ms, ... at
 * most 10 s), so that many workers throttled at once do not come back at once. A 403 or 404 is
 * final and never retried.
 *
 * <p>The storage library's own retry policy retries only 429, 500 and 503 and waits without
 * jitter; it is set to a single try and this one runs in front of it, once per call, so each retry
 * is signed afresh by the pipeline behind it.
 */
final class AzureRetry implements RetryStrategy {
    static final int MAX_RETRIES = 7;
    /** The first try and the retries. */
    static final int MAX_TRIES = MAX_RETRIES + 1;

    private static final long BASE_DELAY_MILLIS = 200;
    private static final long MAX_DELAY_MILLIS = 10_000;

    @Override
    public int getMaxRetries() {
        return MAX_RETRIES;
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
        long ceiling = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << Math.min(retryAttempts, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    @Override
    public boolean shouldRetry(HttpResponse response) {
        return isRetried(response.getStatusCode());
    }

    /** Whether an answer with HTTP status {@code code} is tried again. */
    static boolean isRetried(int code) {
        return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    @Override
    public boolean shouldRetryException(Throwable throwable) {
        return isTransport(throwable);
    }

    /** Whether {@code throwable} is, or is caused by, a failed connection or a timeout. */
    static boolean isTransport(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The pipeline policy that applies this rule once per call, in front of the storage library's own. */
    static HttpPipelinePolicy policy() {
        RetryPolicy retry = new RetryPolicy(new AzureRetry());
        return new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                return retry.process(context, next);
            }

            @Override
            public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                return retry.processSync(context, next);
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_CALL;
            }
        };
    }
}
