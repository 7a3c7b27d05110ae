package dev.winnow.datasource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the datasource a user names on the command line: a local path, a {@code file://} URI, or a
 * cloud location ({@code s3://bucket/prefix}, {@code gs://bucket/prefix},
 * {@code az://account/container/prefix}) opened by the {@link LocationProvider} of its scheme, found
 * on the class path.
 *
 * <pre>{@code
 * Datasource input = Locations.open("s3://team-data/images");
 * Datasource output = Locations.openOrCreate("file:///data/results");
 * }</pre>
 */
public final class Locations {

    private Locations() {}

    /** The existing location named by {@code location}. */
    public static Datasource open(String location) throws IOException {
        if (CloudLocation.isCloud(location)) {
            CloudLocation cloud = CloudLocation.parse(location);
            return providerFor(cloud).open(cloud, false);
        }
        return LocalDatasource.at(localPath(location));
    }

    /** The location named by {@code location}, its folder created when missing (for outputs). */
    public static Datasource openOrCreate(String location) throws IOException {
        if (CloudLocation.isCloud(location)) {
            CloudLocation cloud = CloudLocation.parse(location);
            return providerFor(cloud).open(cloud, true);
        }
        return LocalDatasource.create(localPath(location));
    }

    /** Whether {@code location} names cloud storage rather than a local folder. */
    public static boolean isCloud(String location) {
        return CloudLocation.isCloud(location);
    }

    /** The provider on the class path that opens {@code location}'s scheme. */
    static LocationProvider providerFor(CloudLocation location) throws UnsupportedLocationException {
        Optional<LocationProvider> provider = ServiceLoader.load(LocationProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.schemes().contains(location.scheme()))
                .findFirst();
        if (provider.isEmpty()) {
            throw new UnsupportedLocationException("The location " + location + " needs the module " + location.module()
                    + ", which is not on the class path; run the winnow command (its jar holds every cloud) or add "
                    + location.module() + " to the class path.");
        }
        return provider.get();
    }

    /** The local folder {@code location} names, or an {@link UnsupportedLocationException}. */
    static Path localPath(String location) throws UnsupportedLocationException {
        if (location == null || location.isBlank()) {
            throw new UnsupportedLocationException("A location must be a folder path or a URI, but it was empty.");
        }
        Optional<String> scheme = CloudLocation.schemeOf(location);
        if (scheme.isEmpty()) {
            Optional<String> misspelled = CloudLocation.schemeWithoutSlashes(location);
            if (misspelled.isPresent()) {
                throw new UnsupportedLocationException("The location " + location + " starts with '"
                        + misspelled.get() + ":' but not '" + misspelled.get() + "://'; expected "
                        + CloudLocation.example(misspelled.get()) + ".");
            }
            return Path.of(location);
        }
        if (scheme.get().equals("file")) {
            try {
                URI uri = new URI(location);
                if (uri.getAuthority() != null
                        && !uri.getAuthority().isEmpty()
                        && !uri.getAuthority().equals("localhost")) {
                    throw new UnsupportedLocationException(
                            "The location " + location + " names the host '" + uri.getAuthority()
                                    + "'; a file:// URI must name a local folder, like file:///data/images.");
                }
                return Path.of(uri.getPath());
            } catch (URISyntaxException e) {
                throw new UnsupportedLocationException(
                        "The location " + location + " is not a valid file:// URI: " + e.getMessage() + ".");
            }
        }
        throw new UnsupportedLocationException("The location " + location + " has the unknown scheme '" + scheme.get()
                + "://'; use a local folder, a file:// URI, s3://bucket/prefix, "
                + "gs://bucket/prefix or az://account/container/prefix.");
    }
}
