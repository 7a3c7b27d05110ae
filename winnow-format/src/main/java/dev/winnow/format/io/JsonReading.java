package dev.winnow.format.io;

import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationLimits;
import dev.winnow.format.validate.ValidationOptions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * The frame every reader shares: size limit, the lenient-syntax scan, one streaming parser over the
 * bytes (no tree), and turning parser failures into diagnostics with line and column. Readers supply
 * only the walk over their own structure.
 */
final class JsonReading {
    /** Factories are immutable and thread-safe; one per set of limits. */
    private static final Map<ValidationLimits, JsonFactory> FACTORIES = new ConcurrentHashMap<>();
    /** Characters in one number: a double needs 25 at most; more is hostile (and costly to convert). */
    static final int MAX_NUMBER_CHARS = 256;
    /** Characters in one string: room for a compressed RLE of the largest default count limit. */
    static final int MAX_STRING_CHARS = 1 << 24;
    /** Characters in one field name: the format's are short; user fields are names, not data. */
    static final int MAX_NAME_CHARS = 1024;

    private JsonReading() {}

    /** Walks a parser positioned on the root value's first token; returns the value or null. */
    interface Body<T> {
        @Nullable
        T read(JsonParser parser, FileDiagnostics diagnostics);
    }

    static <T> FileResult<T> read(String file, byte[] bytes, ValidationOptions options, String expected, Body<T> body) {
        FileDiagnostics diagnostics = new FileDiagnostics(file, options);
        ValidationLimits limits = options.limits();
        if (bytes.length > limits.maxFileBytes()) {
            diagnostics.add(
                    DiagnosticCode.FILE_TOO_LARGE,
                    "",
                    0,
                    0,
                    "The file has " + bytes.length + " bytes, more than the limit of " + limits.maxFileBytes()
                            + " bytes; it was not read.");
            return diagnostics.result(null);
        }
        LenientSyntaxScanner.scan(bytes, diagnostics);
        T value = null;
        JsonFactory factory = FACTORIES.computeIfAbsent(limits, JsonReading::factory);
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            try {
                if (parser.nextToken() == null) {
                    diagnostics.add(
                            DiagnosticCode.MALFORMED_JSON, "", 1, 1, "The file is empty; expected " + expected + ".");
                    return diagnostics.result(null);
                }
                value = body.read(parser, diagnostics);
                if (parser.nextToken() != null) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    diagnostics.add(
                            DiagnosticCode.MALFORMED_JSON,
                            "",
                            at.getLineNr(),
                            at.getColumnNr(),
                            "More JSON follows the end of the top-level value; expected the file to end there.");
                }
            } catch (StreamConstraintsException e) {
                overLimit(e, parser.currentTokenLocation(), limits, diagnostics);
            }
        } catch (StreamReadException e) {
            TokenStreamLocation at = e.getLocation();
            diagnostics.add(
                    DiagnosticCode.MALFORMED_JSON,
                    "",
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    "The file is not well-formed JSON: " + JacksonMessages.clean(e.getOriginalMessage()) + ".");
        } catch (JacksonException e) {
            diagnostics.add(
                    DiagnosticCode.MALFORMED_JSON,
                    "",
                    0,
                    0,
                    "The file is not well-formed JSON: " + JacksonMessages.clean(e.getOriginalMessage()) + ".");
        }
        return diagnostics.result(value);
    }

    /** A read constraint hit: which one, where, in Winnow's words (the parser's own say which by their getter). */
    private static void overLimit(
            StreamConstraintsException e,
            TokenStreamLocation at,
            ValidationLimits limits,
            FileDiagnostics diagnostics) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("NestingDepth")) {
            diagnostics.add(
                    DiagnosticCode.NESTING_TOO_DEEP,
                    "",
                    0,
                    0,
                    "The file nests lists and objects deeper than " + limits.maxNestingDepth()
                            + " levels, the limit; it was not read further.");
            return;
        }
        String what;
        if (message.contains("NumberLength")) {
            what = "a number longer than " + MAX_NUMBER_CHARS + " characters";
        } else if (message.contains("StringLength")) {
            what = "a string longer than " + MAX_STRING_CHARS + " characters";
        } else if (message.contains("NameLength")) {
            what = "a field name longer than " + MAX_NAME_CHARS + " characters";
        } else {
            what = "more than the reading limits allow";
        }
        diagnostics.add(
                DiagnosticCode.VALUE_TOO_LONG,
                "",
                at.getLineNr(),
                at.getColumnNr(),
                "At or after this position the file holds " + what + ", the limit; it was not read further.");
    }

    private static JsonFactory factory(ValidationLimits limits) {
        return JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                // Python's json module writes NaN; read it so that it is reported as an out-of-range value.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(limits.maxFileBytes())
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .build())
                .build();
    }

    /** What a token is, for "expected X, but found Y" sentences. */
    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A property name as one JSON pointer segment ({@code ~} and {@code /} escaped). */
    static String segment(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A number as people write it: {@code 3} rather than {@code 3.0}. */
    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** Line and column of the current token packed in one long (line high, column low). */
    static long mark(JsonParser parser) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return ((long) at.getLineNr() << 32) | (at.getColumnNr() & 0xffffffffL);
    }

    static int lineOf(long mark) {
        return (int) (mark >>> 32);
    }

    static int columnOf(long mark) {
        return (int) mark;
    }

    static void add(FileDiagnostics d, DiagnosticCode code, String pointer, long mark, String message) {
        d.add(code, pointer, lineOf(mark), columnOf(mark), message);
    }

    /** Skips the current value (and its children) after reporting it. */
    static void skip(JsonParser parser) {
        parser.skipChildren();
    }
}
