package dev.winnow.format.io;

import static dev.winnow.format.io.JsonReading.add;
import static dev.winnow.format.io.JsonReading.describe;
import static dev.winnow.format.io.JsonReading.mark;
import static dev.winnow.format.io.JsonReading.segment;

import dev.winnow.format.PredictionFile;
import dev.winnow.format.SampleNames;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one prediction file and checks it against its task's schema and what is known of its
 * sample, in a single streaming pass: every problem becomes a {@link dev.winnow.format.Diagnostic}
 * with a code, JSON pointer and line:column, and the file's value is returned only when it has no
 * error. Stateless and thread-safe; call it from as many threads as there are cores.
 *
 * <pre>{@code
 * FileResult<PredictionFile> r = PredictionFileReader.read(".lightly/predictions/det/img.json", bytes,
 *         schema, SampleFacts.of("img.png", 640, 480), ValidationOptions.defaults());
 * }</pre>
 */
public final class PredictionFileReader {
    private PredictionFileReader() {}

    public static FileResult<PredictionFile> read(
            String file, byte[] bytes, TaskSchema schema, SampleFacts facts, ValidationOptions options) {
        Objects.requireNonNull(schema, "schema");
        SampleFacts known = facts == null ? SampleFacts.unknown() : facts;
        return JsonReading.read(
                file,
                bytes,
                options,
                "an object with file_name and predictions",
                (p, d) -> readBody(p, d, schema, known, options));
    }

    private static @Nullable PredictionFile readBody(
            JsonParser p, FileDiagnostics d, TaskSchema schema, SampleFacts facts, ValidationOptions options) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    "",
                    mark(p),
                    "A prediction file must be an object with file_name and predictions, but it is "
                            + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        long start = mark(p);
        String fileName = null;
        List<Singleton> singletons = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "file_name" -> {
                    if (v != JsonToken.VALUE_STRING) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                "/file_name",
                                mark(p),
                                "file_name must be a string naming the sample, but it is " + describe(v) + ".");
                        p.skipChildren();
                    } else {
                        fileName = p.getString();
                        String expected = facts.sampleName();
                        if (expected != null && !expected.equals(fileName) && SampleNames.same(expected, fileName)) {
                            add(
                                    d,
                                    DiagnosticCode.NAME_NORMALISATION,
                                    "/file_name",
                                    mark(p),
                                    "file_name \"" + fileName
                                            + "\" and the sample \"" + expected
                                            + "\" differ only in Unicode normalisation (composed or"
                                            + " decomposed letters); they are taken as the same.");
                        } else if (expected != null && !expected.equals(fileName)) {
                            add(
                                    d,
                                    DiagnosticCode.FILE_NAME_MISMATCH,
                                    "/file_name",
                                    mark(p),
                                    "file_name is \"" + fileName
                                            + "\", but this file's path belongs to the sample \"" + expected
                                            + "\"; expected \""
                                            + expected + "\" or no file_name.");
                        }
                    }
                }
                case "predictions" -> singletons = readSingletons(p, d, schema, facts, options);
                default -> {
                    long at = mark(p);
                    d.addLenient(
                            DiagnosticCode.UNKNOWN_FIELD,
                            DiagnosticCode.STRICT_UNKNOWN_FIELD,
                            "/" + segment(name),
                            JsonReading.lineOf(at),
                            JsonReading.columnOf(at),
                            "The field \"" + name + "\" is not part of a prediction file (file_name, predictions)"
                                    + d.unknownFieldOutcome());
                    p.skipChildren();
                }
            }
        }
        if (singletons == null) {
            if (!d.hasError()) {
                add(
                        d,
                        DiagnosticCode.MISSING_FIELD,
                        "",
                        start,
                        "The file has no \"predictions\"; expected a list of singletons (empty when "
                                + "nothing was predicted).");
            }
            return null;
        }
        return d.hasError() ? null : new PredictionFile(Optional.ofNullable(fileName), singletons);
    }

    private static List<Singleton> readSingletons(
            JsonParser p, FileDiagnostics d, TaskSchema schema, SampleFacts facts, ValidationOptions options) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    "/predictions",
                    mark(p),
                    "predictions must be a list of singletons, but it is " + describe(p.currentToken()) + ".");
            p.skipChildren();
            return List.of();
        }
        int max = options.limits().maxSingletons();
        SingletonReader reader = new SingletonReader(d, schema, facts, options.limits());
        List<Singleton> singletons = new ArrayList<>();
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = "/predictions/" + index;
            if (index == max) {
                add(
                        d,
                        DiagnosticCode.TOO_MANY_SINGLETONS,
                        pointer,
                        mark(p),
                        "The file has more than " + max + " singletons, the limit; it was not read further.");
                p.skipChildren();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return singletons;
            }
            if (t != JsonToken.START_OBJECT) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer,
                        mark(p),
                        "Each prediction must be an object, but prediction " + index + " is " + describe(t) + ".");
                p.skipChildren();
            } else {
                Singleton s = reader.read(p, pointer);
                if (s != null && !d.hasError()) {
                    singletons.add(s);
                }
            }
            index++;
        }
        return singletons;
    }
}
