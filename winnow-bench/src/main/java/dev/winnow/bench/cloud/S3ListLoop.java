package dev.winnow.bench.cloud;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The listing comparison of the cloud benchmark: every key of a bucket either by one paginated
 * listing with the SDK (page after page of 1,000 keys, what a plain script does) or by Winnow's
 * datasource, which walks the folders in parallel. Prints the key count and the time of the listing
 * alone; the endpoint comes from {@code AWS_ENDPOINT_URL} for Winnow, as for the CLI. {@code MAX_PAGES}
 * stops the paginated listing early, for a store whose every page costs as much as the whole bucket.
 *
 * <pre>{@code java -cp winnow-bench.jar dev.winnow.bench.cloud.S3ListLoop http://127.0.0.1:9000 keys paginated}</pre>
 */
public final class S3ListLoop {
    private S3ListLoop() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3
                || args.length > 4
                || !List.of("paginated", "winnow").contains(args[2])) {
            System.err.println("usage: S3ListLoop ENDPOINT BUCKET paginated|winnow [MAX_PAGES]");
            System.exit(2);
        }
        int maxPages = args.length == 4 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        String bucket = args[1];
        long start = System.nanoTime();
        long keys = 0;
        int requests = 0;
        if (args[2].equals("paginated")) {
            try (S3AsyncClient client = S3Clients.client(URI.create(args[0]), 1)) {
                String token = null;
                do {
                    String page = token;
                    ListObjectsV2Response response = client.listObjectsV2(
                                    b -> b.bucket(bucket).continuationToken(page))
                            .join();
                    // Folder markers of the filesystem store are no objects; Winnow leaves them out too.
                    keys += response.contents().stream()
                            .filter(object -> !object.key().endsWith("/"))
                            .count();
                    requests++;
                    token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
                } while (token != null && requests < maxPages);
            }
        } else {
            Datasource bucketRoot = Locations.open("s3://" + bucket);
            keys = bucketRoot.list("").size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%d keys, %s, %.2f s%s%n",
                keys,
                args[2],
                seconds,
                requests > 0
                        ? String.format(", %d requests, %.0f ms a page", requests, 1000 * seconds / requests)
                        : "");
    }
}
