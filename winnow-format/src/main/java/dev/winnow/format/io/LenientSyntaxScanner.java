package dev.winnow.format.io;

import dev.winnow.format.validate.DiagnosticCode;
import java.util.Arrays;

/**
 * Finds what lenient reading accepts but JSON does not: {@code //} and {@code /* *}{@code /}
 * comments and commas directly before {@code ]} or {@code }}. Jackson skips these silently, so this
 * one linear pass over the bytes (tracking only whether it is inside a string) reports each with
 * its line and column. Columns count bytes from 1, as Jackson's do for byte input.
 */
final class LenientSyntaxScanner {
    /**
     * Bytes the scan treats alike: none of them starts a string, a comment or a line, or is a comma, a closer or a
     * blank.
     */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        Arrays.fill(PLAIN, true);
        for (char c : new char[] {'"', '/', ',', ']', '}', '\n', ' ', '\t', '\r'}) {
            PLAIN[c] = false;
        }
    }

    private LenientSyntaxScanner() {}

    static void scan(byte[] bytes, FileDiagnostics diagnostics) {
        int line = 1;
        int lineStart = 0;
        int commaLine = 0;
        int commaColumn = 0;
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            byte b = bytes[i];
            switch (b) {
                case '"' -> {
                    commaLine = 0;
                    i++;
                    while (i < n && bytes[i] != '"') {
                        if (bytes[i] == '\\') {
                            i++;
                        } else if (bytes[i] == '\n') {
                            // A string cannot hold a raw newline; the parser reports it. Keep counting lines.
                            line++;
                            lineStart = i + 1;
                        }
                        i++;
                    }
                    i++;
                }
                case '/' -> {
                    int column = i - lineStart + 1;
                    if (i + 1 < n && bytes[i + 1] == '/') {
                        diagnostics.addLenient(
                                DiagnosticCode.COMMENT,
                                DiagnosticCode.STRICT_COMMENT,
                                "",
                                line,
                                column,
                                "A // comment is not JSON; "
                                        + (diagnostics.strict()
                                                ? "strict mode expects plain JSON."
                                                : "it was skipped."));
                        while (i < n && bytes[i] != '\n') {
                            i++;
                        }
                    } else if (i + 1 < n && bytes[i + 1] == '*') {
                        diagnostics.addLenient(
                                DiagnosticCode.COMMENT,
                                DiagnosticCode.STRICT_COMMENT,
                                "",
                                line,
                                column,
                                "A /* */ comment is not JSON; "
                                        + (diagnostics.strict()
                                                ? "strict mode expects plain JSON."
                                                : "it was skipped."));
                        i += 2;
                        while (i < n && !(bytes[i] == '*' && i + 1 < n && bytes[i + 1] == '/')) {
                            if (bytes[i] == '\n') {
                                line++;
                                lineStart = i + 1;
                            }
                            i++;
                        }
                        i += 2;
                    } else {
                        commaLine = 0;
                        i++;
                    }
                }
                case ',' -> {
                    commaLine = line;
                    commaColumn = i - lineStart + 1;
                    i++;
                }
                case ']', '}' -> {
                    if (commaLine > 0) {
                        diagnostics.addLenient(
                                DiagnosticCode.TRAILING_COMMA,
                                DiagnosticCode.STRICT_TRAILING_COMMA,
                                "",
                                commaLine,
                                commaColumn,
                                "A comma before '" + (char) b + "' is not JSON; "
                                        + (diagnostics.strict()
                                                ? "strict mode expects plain JSON."
                                                : "it was ignored."));
                        commaLine = 0;
                    }
                    i++;
                }
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                    i++;
                }
                case ' ', '\t', '\r' -> i++;
                default -> {
                    commaLine = 0;
                    i++;
                    // Numbers and literals are most of a file's bytes: pass the whole run at once.
                    while (i < n && PLAIN[bytes[i] & 0xFF]) {
                        i++;
                    }
                }
            }
        }
    }
}
