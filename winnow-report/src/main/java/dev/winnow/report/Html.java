package dev.winnow.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Text made safe for the report's HTML: escaped content, element ids, links and inline pictures. */
final class Html {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Html() {}

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A stable element id for {@code name}: {@code prefix-} followed by the name with letters,
     * digits, {@code .} and {@code -} kept and every other UTF-8 byte written as {@code _XX}, so
     * distinct names give distinct ids that need no escaping in an attribute or a {@code #} link.
     */
    static String anchor(String prefix, String name) {
        StringBuilder sb = new StringBuilder(prefix.length() + 1 + name.length())
                .append(prefix)
                .append('-');
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                sb.append((char) c);
            } else {
                sb.append('_').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /**
     * A relative URL for a file path with {@code /} separators: every UTF-8 byte other than
     * letters, digits, {@code -._~} and {@code /} percent-encoded, so names with spaces, {@code #},
     * {@code ?} or {@code :} still point at the file.
     */
    static String href(String relativePath) {
        StringBuilder sb = new StringBuilder(relativePath.length() + 16);
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80
                    && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** An {@code <img>} showing {@code picture} inline (a data URI), with its size and {@code alt} text escaped. */
    static StringBuilder img(StringBuilder h, Thumbnail picture, String alt) {
        return h.append("<img alt=\"")
                .append(esc(alt))
                .append("\" width=\"")
                .append(picture.width())
                .append("\" height=\"")
                .append(picture.height())
                .append("\" src=\"data:")
                .append(esc(picture.mimeType()))
                .append(";base64,")
                .append(Base64.getEncoder().encodeToString(picture.bytes()))
                .append("\">");
    }
}
