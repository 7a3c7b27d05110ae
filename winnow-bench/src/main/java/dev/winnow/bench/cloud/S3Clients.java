package dev.winnow.bench.cloud;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The plain SDK client the benchmark's own loops use: the same async client and HTTP stack Winnow uses. */
final class S3Clients {
    private S3Clients() {}

    static S3AsyncClient client(URI endpoint, int concurrency) {
        return S3AsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(concurrency)
                        .maxPendingConnectionAcquires(1_000_000)
                        .connectionAcquisitionTimeout(Duration.ofMinutes(5)))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3BenchServer.ACCESS_KEY, S3BenchServer.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .build();
    }
}
