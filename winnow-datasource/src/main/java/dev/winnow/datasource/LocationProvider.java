package dev.winnow.datasource;

import java.io.IOException;
import java.util.Set;

/**
 * Opens the locations of some URI schemes (a cloud's buckets). Implementations live in their own
 * modules, so that only the clouds a user needs are on the class path, and are found with
 * {@link java.util.ServiceLoader}: a module lists its provider in
 * {@code META-INF/services/dev.winnow.datasource.LocationProvider}. {@link Locations} picks the one
 * whose {@link #schemes} hold a location's scheme.
 *
 * <p>What a provider's datasource must do, beyond the {@link Datasource} contract (which
 * {@code DatasourceContract} in this module's test jar checks):
 * <ul>
 *   <li>Credentials come from the cloud's standard chain, never from the location string; no secret,
 *       token or signed URL appears in a message, a description or a log line.</li>
 *   <li>A denied or missing bucket is a {@link LocationAccessException} naming the location and the
 *       permission the failed operation needs ({@code s3:ListBucket}, {@code storage.objects.get},
 *       the SAS letter {@code r}...); {@code winnow check-access} prints that name, and commands stop
 *       with exit code 3.</li>
 *   <li>A missing object is a {@link java.nio.file.NoSuchFileException} whose file is the datasource
 *       path, so a vanished sample is a diagnostic for that sample.</li>
 *   <li>Throttling, server errors and dropped connections are retried with backoff before they are
 *       reported.</li>
 *   <li>{@code winnow check-access} calls {@link Datasource#anyFile} (list), {@link Datasource#readRange}
 *       (read), {@link Datasource#writeAtomically} and {@link Datasource#delete} (with {@code --write});
 *       for each refused one it prints {@link LocationAccessException#permission()}. That exception,
 *       thrown with the permission the operation needs, is the whole hook.</li>
 *   <li>At most {@link CloudSettings#concurrency()} requests in flight ({@code --cloud-concurrency});
 *       {@link Datasource#parallelReads()} returns it, so commands read with that many threads.</li>
 *   <li>Code that uses a cloud SDK lives in a package below {@code dev.winnow.cloud}; no other
 *       module may use one (checked by the layering test).</li>
 * </ul>
 */
public interface LocationProvider {

    /** The schemes this provider opens, lower case, like {@code Set.of("s3")}. */
    Set<String> schemes();

    /**
     * The datasource at {@code location}. For an output ({@code forOutput}) the prefix need not
     * exist yet (object stores have no folders to create); the bucket must, in both cases.
     *
     * @throws LocationAccessException when the bucket does not exist or may not be read
     */
    Datasource open(CloudLocation location, boolean forOutput) throws IOException;
}
