package dev.winnow.format.io;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a JSON parser's complaint into a phrase in Winnow's words, fit for a diagnostic sentence:
 * what was found at the position and what was expected there, without a closing period.
 */
public final class JacksonMessages {
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code (\\d+)[^)]*\\)\\)(?: in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER =
            Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);
    private static final Pattern NOTHING_TO_CLOSE =
            Pattern.compile("Unexpected close marker '(.)': no open (Object|Array) to close.*", Pattern.DOTALL);
    private static final Pattern CONTROL_CHARACTER =
            Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*?)'.*", Pattern.DOTALL);
    private static final String A_VALUE = "a value (a string, number, object, array, true, false or null)";

    /** What each "unexpected character" complaint expected, by the start of the parser's wording. */
    private static final Map<String, String> EXPECTED = Map.of(
            "was expecting double-quote to start property name", "a key in double quotes",
            "expected a valid value", A_VALUE,
            "expected a value", A_VALUE,
            "was expecting a colon", "':' after the key",
            "was expecting comma to separate Object entries", "',' or '}'",
            "was expecting comma to separate Array entries", "',' or ']'",
            "maybe a (non-standard) comment", A_VALUE + " (comments are not allowed)",
            "expected digit (0-9) to follow minus sign", "a digit after '-'",
            "Decimal point not followed by a digit", "a digit after the decimal point");

    private JacksonMessages() {}

    /**
     * The parser's {@code message} as "found X where Y was expected" (or a like sentence for the
     * end of the text, control characters and non-standard numbers); an unknown complaint keeps its
     * first line, and no message at all becomes "unexpected content".
     */
    public static String clean(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "unexpected content";
        }
        Matcher m = UNEXPECTED_CHARACTER.matcher(message);
        if (m.matches()) {
            String found = found(m.group(1), Integer.parseInt(m.group(2)));
            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                if (m.group(3).startsWith(e.getKey())) {
                    return "found " + found + " where " + e.getValue() + " was expected";
                }
            }
            return "found " + found + ", which is not allowed there";
        }
        if ((m = UNRECOGNIZED_TOKEN.matcher(message)).matches()) {
            return "found '" + m.group(1) + "' where " + A_VALUE + " was expected";
        }
        if ((m = CLOSE_MARKER.matcher(message)).matches()) {
            return "found '" + m.group(1) + "' where '" + m.group(2) + "' was expected to close the "
                    + (m.group(2).equals("]") ? "list" : "object");
        }
        if ((m = NOTHING_TO_CLOSE.matcher(message)).matches()) {
            return "found '" + m.group(1) + "' with no open " + (m.group(2).equals("Array") ? "list" : "object")
                    + " to close";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            if (message.contains("close marker for Object")) {
                return "the text ends before the object is closed with '}'";
            }
            if (message.contains("close marker for Array")) {
                return "the text ends before the list is closed with ']'";
            }
            if (message.contains("closing quote")) {
                return "the text ends inside a string whose closing '\"' is missing";
            }
            return "the text ends before the JSON value is complete";
        }
        if ((m = CONTROL_CHARACTER.matcher(message)).matches()) {
            return "a string holds a control character (code " + m.group(1) + "); write it escaped, for example \\n";
        }
        if (message.startsWith("Trailing token")) {
            return "more text follows the end of the JSON value";
        }
        if (message.startsWith("Invalid numeric value: Leading zeroes")) {
            return "a number starts with a zero followed by more digits";
        }
        if ((m = NON_STANDARD.matcher(message)).matches()) {
            return "found '" + m.group(1) + "', which JSON does not allow as a number";
        }
        return firstLine(message);
    }

    private static String found(String character, int code) {
        return switch (code) {
            case 10, 13 -> "a line break";
            case 9 -> "a tab";
            default -> code < 32 ? "the control character " + code : "'" + character + "'";
        };
    }

    private static String firstLine(String message) {
        String m = message;
        int cut = m.indexOf('\n');
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf(" (start marker at");
        if (cut < 0) {
            cut = m.indexOf(" (for ");
        }
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        m = m.strip();
        while (m.endsWith(".") || m.endsWith(":")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }
}
