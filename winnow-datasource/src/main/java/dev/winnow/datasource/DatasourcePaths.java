package dev.winnow.datasource;

import java.util.Set;

/**
 * The rules every datasource applies to the relative POSIX paths it is given, before touching
 * storage: no absolute path, no {@code ..} segment, no NUL character. Shared by all
 * implementations so a local folder and a bucket refuse the same paths with the same sentences.
 */
public final class DatasourcePaths {
    private DatasourcePaths() {}

    /**
     * Checks {@code path} against the rules and returns it without a trailing slash; {@code ""}
     * (the root) is accepted only when {@code rootAllowed}.
     *
     * @throws PathOutsideRootException when the path is absolute or has a {@code ..} segment
     */
    public static String check(String path, String rootDescription, boolean rootAllowed)
            throws PathOutsideRootException {
        if (path == null) {
            throw new IllegalArgumentException("A datasource path must not be null.");
        }
        if (path.indexOf('\0') >= 0) {
            throw new PathOutsideRootException("The path '" + path.replace("\0", "\\0")
                    + "' contains a NUL character, which no file name in " + rootDescription + " can have.");
        }
        if (path.startsWith("/") || path.startsWith("\\") || hasDriveLetter(path)) {
            throw new PathOutsideRootException("The path '" + path
                    + "' is absolute; paths must be relative to the datasource root " + rootDescription + ".");
        }
        if (hasParentSegment(path)) {
            throw new PathOutsideRootException("The path '" + path + "' leaves the datasource root " + rootDescription
                    + ": '..' segments are not allowed.");
        }
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() && !rootAllowed) {
            throw new IllegalArgumentException("An empty path names the root of " + rootDescription + ", not a file.");
        }
        return trimmed;
    }

    /**
     * Whether a segment between separators ({@code /} or a backslash) is {@code ..}; a scan, as this runs for every
     * file read.
     */
    private static boolean hasParentSegment(String path) {
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == '\\') {
                if (i - start == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean hasDriveLetter(String path) {
        return path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0));
    }

    /**
     * Whether a folder segment of the POSIX file path {@code path} at or after index {@code from}
     * (the last segment, the file's own name, does not count) is one of {@code names}.
     */
    public static boolean hasFolderNamed(String path, int from, Set<String> names) {
        int start = from;
        int slash;
        while ((slash = path.indexOf('/', start)) >= 0) {
            if (names.contains(path.substring(start, slash))) {
                return true;
            }
            start = slash + 1;
        }
        return false;
    }

    /** Whether any segment of the POSIX path {@code path} equals {@code segment}. */
    public static boolean hasSegment(String path, String segment) {
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end - start == segment.length() && path.regionMatches(start, segment, 0, segment.length())) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            start = slash + 1;
        }
        return false;
    }
}
