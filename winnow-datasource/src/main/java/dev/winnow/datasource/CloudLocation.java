package dev.winnow.datasource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One cloud location parsed from a string: {@code s3://bucket/prefix}, {@code gs://bucket/prefix} or
 * {@code az://account/container/prefix}. {@code account} is null except for {@code az://}, where the
 * container is the {@code bucket}. {@code prefix} has no leading or trailing {@code /} and is {@code ""}
 * for the bucket root; it passes the same path rules as every datasource path.
 *
 * <pre>{@code
 * CloudLocation images = CloudLocation.parse("s3://team-data/images/2024");
 * images.bucket();   // "team-data"
 * images.prefix();   // "images/2024"
 * }</pre>
 */
public record CloudLocation(String scheme, @Nullable String account, String bucket, String prefix) {
    /** The schemes Winnow knows, with the module that opens each. */
    static final Map<String, String> MODULES =
            Map.of("s3", "winnow-cloud-s3", "gs", "winnow-cloud-gcs", "az", "winnow-cloud-azure");

    public CloudLocation {
        if (scheme == null || bucket == null || prefix == null) {
            throw new IllegalArgumentException(
                    "A cloud location needs a scheme, a bucket and a prefix (\"\" for the root).");
        }
        if (!MODULES.containsKey(scheme)) {
            throw new IllegalArgumentException("A cloud location's scheme is s3, gs or az, but was '" + scheme + "'.");
        }
    }

    /**
     * Whether {@code location} starts with a cloud scheme Winnow knows ({@code s3://}, {@code gs://}, {@code az://}).
     */
    public static boolean isCloud(String location) {
        return schemeOf(location).map(MODULES::containsKey).orElse(false);
    }

    /** The lower-case scheme before {@code ://}, or empty for a plain path. */
    static Optional<String> schemeOf(String location) {
        int colon = location == null ? -1 : location.indexOf("://");
        return colon < 0
                ? Optional.empty()
                : Optional.of(location.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /**
     * The lower-case cloud scheme of a location that starts with it and a colon but not with
     * {@code ://} ({@code s3:/bucket}, {@code gs:bucket}): a misspelled cloud location, never a
     * folder someone means.
     */
    static Optional<String> schemeWithoutSlashes(String location) {
        int colon = location.indexOf(':');
        if (colon < 0 || location.startsWith("://", colon)) {
            return Optional.empty();
        }
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        return MODULES.containsKey(scheme) ? Optional.of(scheme) : Optional.empty();
    }

    /**
     * Parses a cloud location.
     *
     * @throws UnsupportedLocationException with a sentence saying what is wrong and what is expected
     */
    public static CloudLocation parse(String location) throws UnsupportedLocationException {
        String scheme = schemeOf(location).orElse("");
        if (!MODULES.containsKey(scheme)) {
            throw new UnsupportedLocationException("The location " + location
                    + " is not a cloud location; expected s3://bucket/prefix, gs://bucket/prefix "
                    + "or az://account/container/prefix.");
        }
        String rest = location.substring(scheme.length() + 3);
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw new UnsupportedLocationException("The location " + location
                    + " has a query or fragment; a cloud location is only " + example(scheme)
                    + " (credentials come from the environment, never from the location).");
        }
        String account = null;
        if (scheme.equals("az")) {
            int slash = rest.indexOf('/');
            account = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
            if (!account.matches("[a-z0-9]{3,24}")) {
                throw new UnsupportedLocationException("The location " + location + " names the storage account '"
                        + account + "', but an account name is 3 to 24 lower-case letters and digits; expected "
                        + example(scheme) + ".");
            }
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        String what = scheme.equals("az") ? "container" : "bucket";
        if (bucket.isEmpty()) {
            throw new UnsupportedLocationException(
                    "The location " + location + " names no " + what + "; expected " + example(scheme) + ".");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")) {
            throw new UnsupportedLocationException("The location " + location + " names the " + what + " '" + bucket
                    + "', but a " + what
                    + " name is 3 to 222 lower-case letters, digits, dots, dashes and underscores; expected "
                    + example(scheme) + ".");
        }
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        if (prefix.contains("//")) {
            throw new UnsupportedLocationException("The location " + location
                    + " has an empty folder name ('//') in its prefix; expected " + example(scheme) + ".");
        }
        String checked;
        try {
            checked = DatasourcePaths.check(prefix, location, true);
        } catch (PathOutsideRootException e) {
            throw new UnsupportedLocationException("The location " + location + " has the prefix '" + prefix
                    + "', which a cloud location cannot have: '..' segments, a leading '/' and "
                    + "NUL characters are not allowed.");
        }
        return new CloudLocation(scheme, account, bucket, checked);
    }

    static String example(String scheme) {
        return scheme.equals("az") ? "az://account/container/prefix" : scheme + "://bucket/prefix";
    }

    /** The module that opens this location's scheme, like {@code winnow-cloud-s3}. */
    public String module() {
        return Objects.requireNonNull(MODULES.get(scheme), "a scheme the constructor accepted");
    }

    /** The location as a user writes it, without a trailing slash: {@code s3://bucket/prefix}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(scheme).append("://");
        if (account != null) {
            text.append(account).append('/');
        }
        text.append(bucket);
        if (!prefix.isEmpty()) {
            text.append('/').append(prefix);
        }
        return text.toString();
    }

    /**
     * The key of the datasource path {@code path} ("" for the root) below this location's prefix:
     * {@code prefix/path}, or {@code path} at the bucket root.
     */
    public String keyOf(String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : prefix + "/" + path;
    }

    /**
     * The key prefix of everything in the folder {@code folder} ("" for the root): {@code ""} at the
     * bucket's root, otherwise {@link #keyOf(String)} and {@code /}, as listings of that folder ask.
     */
    public String folderKey(String folder) {
        String key = keyOf(folder);
        return key.isEmpty() ? "" : key + "/";
    }

    /**
     * The root as a URI ending in {@code /} ({@code s3://bucket/prefix/}), for {@link Datasource#rootUri()}:
     * the bucket (and account) is the authority, so two locations overlap only in the same bucket.
     */
    public URI rootUri() {
        String authority = account == null ? bucket : account;
        String path = (account == null ? "" : "/" + bucket) + "/" + (prefix.isEmpty() ? "" : prefix + "/");
        try {
            // ASCII only, like a local folder's URI: two spellings of one place compare equal.
            return URI.create(new URI(scheme, authority, path, null, null).toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A checked cloud location did not form a URI: " + this, e);
        }
    }
}
