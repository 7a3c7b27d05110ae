package dev.winnow.datasource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Opens the datasource a user names on the command line: a local path or a {@code file://} URI.
 * Cloud locations ({@code s3://}, {@code gs://}, {@code az://}) are recognised and refused with a
 * sentence saying they are not supported yet.
 *
 * <pre>{@code
 * Datasource input = Locations.open("/data/images");
 * Datasource output = Locations.openOrCreate("file:///data/results");
 * }</pre>
 */
public final class Locations {
    private static final Set<String> CLOUD_SCHEMES = Set.of("s3", "gs", "az");

    private Locations() {
    }

    /** The existing location named by {@code location}. */
    public static Datasource open(String location) throws IOException {
        return LocalDatasource.at(localPath(location));
    }

    /** The location named by {@code location}, its folder created when missing (for outputs). */
    public static Datasource openOrCreate(String location) throws IOException {
        return LocalDatasource.create(localPath(location));
    }

    /** The local folder {@code location} names, or an {@link UnsupportedLocationException}. */
    static Path localPath(String location) throws UnsupportedLocationException {
        if (location == null || location.isBlank()) {
            throw new UnsupportedLocationException("A location must be a folder path or a URI, but it was empty.");
        }
        int colon = location.indexOf("://");
        if (colon < 0) {
            return Path.of(location);
        }
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            try {
                URI uri = new URI(location);
                if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() && !uri.getAuthority().equals("localhost")) {
                    throw new UnsupportedLocationException("The location " + location + " names the host '" + uri.getAuthority()
                            + "'; a file:// URI must name a local folder, like file:///data/images.");
                }
                return Path.of(uri.getPath());
            } catch (URISyntaxException e) {
                throw new UnsupportedLocationException("The location " + location + " is not a valid file:// URI: "
                        + e.getMessage() + ".");
            }
        }
        if (CLOUD_SCHEMES.contains(scheme)) {
            throw new UnsupportedLocationException("The location " + location + " is in cloud storage (" + scheme
                    + "://), which is not supported yet; use a local folder or a file:// URI.");
        }
        throw new UnsupportedLocationException("The location " + location + " has the unknown scheme '" + scheme
                + "://'; use a local folder, a file:// URI, or (later) s3://, gs:// or az://.");
    }
}
