package dev.winnow.cloud.s3;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where and as whom the S3 client connects, all from the standard AWS places: the default
 * credentials chain (environment, profiles, SSO, container and instance roles), the region chain,
 * and {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} (or the system properties
 * {@code aws.endpointUrlS3}, {@code aws.endpointUrl}) for S3-compatible stores, which are then
 * addressed path-style ({@code http://host/bucket/key}).
 *
 * @param endpoint a custom endpoint, or empty for Amazon S3 itself
 * @param region   the configured region; us-east-1 when none is configured
 */
record S3Settings(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
    /** One default chain for the process: it finds credentials once and renews them, for every client. */
    private static final AwsCredentialsProvider DEFAULT_CHAIN =
            DefaultCredentialsProvider.builder().build();

    /** The settings of this process's environment and system properties. */
    static S3Settings fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    static S3Settings fromEnvironment(Map<String, String> env, Properties properties) {
        Optional<URI> endpoint = firstSet(
                        properties.getProperty("aws.endpointUrlS3"),
                        env.get("AWS_ENDPOINT_URL_S3"),
                        properties.getProperty("aws.endpointUrl"),
                        env.get("AWS_ENDPOINT_URL"))
                .map(URI::create);
        Region region;
        try {
            region = DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            // No region anywhere: an S3-compatible store ignores it, and Amazon S3 is asked across regions.
            region = Region.US_EAST_1;
        }
        return new S3Settings(endpoint, region, DEFAULT_CHAIN);
    }

    private static Optional<String> firstSet(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
