package dev.winnow.cloud.s3;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.CloudSettings;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Opens {@code s3://bucket/prefix} locations with the AWS SDK's asynchronous S3 client on Netty.
 * One client per settings and concurrency serves every location of the process; retries are
 * Winnow's own ({@link Backoff}), so the client's are off.
 *
 * <p>Opening checks that the bucket exists; a bucket that may not be listed is still opened, and
 * each operation then reports the permission it lacks.
 */
public final class S3LocationProvider implements LocationProvider {
    /** Clients by endpoint, region, credentials provider (by identity) and concurrency: one each per process. */
    private static final Map<String, S3AsyncClient> CLIENTS = new ConcurrentHashMap<>();

    /** Tries per request: with full jitter from 100 ms doubling up to 5 s, about 15 s of waiting at most. */
    static final int MAX_ATTEMPTS = 8;

    private final S3Settings settings;

    /** The provider of the environment's settings (used by {@link java.util.ServiceLoader}). */
    public S3LocationProvider() {
        this(S3Settings.fromEnvironment());
    }

    S3LocationProvider(S3Settings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("s3");
    }

    @Override
    public Datasource open(CloudLocation location, boolean forOutput) throws IOException {
        int concurrency = CloudSettings.concurrency();
        S3AsyncClient client = clientFor(concurrency);
        Backoff backoff = new Backoff(MAX_ATTEMPTS, 100, 5_000, S3Errors::isTransient);
        try {
            backoff.call(() -> client.headBucket(b -> b.bucket(location.bucket())))
                    .join();
        } catch (CompletionException e) {
            Throwable failure = Backoff.unwrap(e);
            // A bucket that may not be listed may still be read; each operation names what it lacks.
            if (S3Errors.status(failure) != 403) {
                throw S3Errors.toIo(failure, location, S3Errors.Operation.LIST, "", MAX_ATTEMPTS);
            }
        }
        return new S3Datasource(client, location, backoff, concurrency);
    }

    private S3AsyncClient clientFor(int concurrency) {
        String key = settings.endpoint().map(Object::toString).orElse("aws") + "|" + settings.region() + "|"
                + System.identityHashCode(settings.credentials()) + "|" + concurrency;
        return CLIENTS.computeIfAbsent(key, k -> newClient(concurrency));
    }

    private S3AsyncClient newClient(int concurrency) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        // Reads, plus the listing fan-out and read-ahead beside them.
                        .maxConcurrency(concurrency + S3Datasource.LIST_CONCURRENCY + 8)
                        .maxPendingConnectionAcquires(100_000)
                        .connectionAcquisitionTimeout(Duration.ofMinutes(5))
                        .connectionTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(60)))
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                // S3-compatible stores often lack the newer checksum trailers; S3 itself needs none here.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint().isPresent()) {
            builder.endpointOverride(settings.endpoint().get()).forcePathStyle(true);
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }
}
