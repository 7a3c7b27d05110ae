package dev.winnow.serve;

/**
 * Checks on sample names that arrive in URLs, before they are looked up: a name with a {@code ..}
 * or {@code .} segment, an empty segment, a leading slash, a backslash or a control character is
 * never a sample name, whatever the index holds.
 */
final class SampleNames {
    private SampleNames() {}

    static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The name for a message: control characters as {@code \\uXXXX}, at most 200 characters. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append(name.length() > 200 ? "...\"" : "\"").toString();
    }
}
