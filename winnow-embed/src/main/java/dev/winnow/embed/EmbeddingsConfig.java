package dev.winnow.embed;

import dev.winnow.config.ConfigException;
import dev.winnow.config.ConfigReader;
import dev.winnow.config.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * The {@code embeddings} part of a run configuration: which embedder to use. Three shapes:
 *
 * <pre>{@code
 * {"model": "builtin"}                                   // weight-free descriptor, 64 dimensions
 * {"model": "builtin", "dimension": 128}
 * {"model": "models/resnet18.onnx", "input_size": 224,   // ONNX model; mean/std default to ImageNet's
 *  "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
 * {"file": "embeddings.csv"}                             // precomputed: filenames,embedding_0..,labels
 * }</pre>
 *
 * <p>{@link #parse} checks the shape only (keys, types, ranges) and throws {@link ConfigException}
 * with the JSON pointer and a "did you mean" hint for unknown keys; files are looked at by
 * {@link #open()}, which throws {@link EmbeddingException}. Relative paths are resolved against
 * the folder of the configuration file.
 */
public sealed interface EmbeddingsConfig {

    /** The value of {@code model} that selects the built-in embedder. */
    String BUILTIN = "builtin";

    /** The input size of ONNX models when none is given. */
    int DEFAULT_INPUT_SIZE = 224;

    /** The largest accepted {@code input_size}. */
    int MAX_INPUT_SIZE = 4096;

    /** The default: the built-in embedder with its default dimension. */
    static EmbeddingsConfig defaults() {
        return new Builtin(BuiltinEmbedder.DEFAULT_DIMENSION);
    }

    /** Opens the embedder or reads the embeddings file this configuration names. */
    EmbeddingSource open();

    /** The built-in weight-free embedder. */
    record Builtin(int dimension) implements EmbeddingsConfig {
        public Builtin {
            if (dimension < BuiltinEmbedder.MIN_DIMENSION || dimension > BuiltinEmbedder.MAX_DIMENSION) {
                throw new IllegalArgumentException("The dimension must lie between " + BuiltinEmbedder.MIN_DIMENSION
                        + " and " + BuiltinEmbedder.MAX_DIMENSION + ", but was " + dimension + ".");
            }
        }

        @Override
        public BuiltinEmbedder open() {
            return BuiltinEmbedder.withDimension(dimension);
        }
    }

    /** An ONNX model; mean and std are per channel (red, green, blue) on the 0–1 scale. */
    record Onnx(Path model, int inputSize, List<Float> mean, List<Float> std) implements EmbeddingsConfig {
        public Onnx {
            Objects.requireNonNull(model, "model");
            mean = List.copyOf(mean);
            std = List.copyOf(std);
        }

        @Override
        public OnnxEmbedder open() {
            return OnnxEmbedder.open(model, inputSize, mean, std);
        }

        /**
         * Opens the model from {@code bytes}, the model file's content read elsewhere; the file need not exist here.
         */
        public OnnxEmbedder open(byte[] bytes) {
            return OnnxEmbedder.open(bytes, model.toString(), inputSize, mean, std);
        }
    }

    /**
     * Embeddings read from a CSV file. {@code name} is the file's name in messages and in the
     * embedder's identity: the path itself, or the location a local copy was made from (an object in
     * a bucket).
     */
    record Precomputed(Path file, String name) implements EmbeddingsConfig {
        public Precomputed {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(name, "name");
        }

        /** A local file, named by its path. */
        public Precomputed(Path file) {
            this(file, file.toString());
        }

        @Override
        public PrecomputedEmbeddings open() {
            return PrecomputedEmbeddings.read(file, name);
        }
    }

    /**
     * Reads the configuration object at {@code pointer} (for messages, e.g. {@code /embeddings}).
     *
     * @param baseDir the folder relative paths are resolved against
     */
    static EmbeddingsConfig parse(JsonNode node, String pointer, Path baseDir) {
        ConfigReader.requireObject(node, pointer);
        List<String> allKeys = List.of("model", "file", "dimension", "input_size", "mean", "std");
        ConfigReader.checkKeys(node, pointer, allKeys);
        boolean hasModel = node.has("model");
        boolean hasFile = node.has("file");
        if (hasModel && hasFile) {
            throw new ConfigException(pointer, "Set either 'model' or 'file' at " + pointer + ", not both.");
        }
        if (!hasModel && !hasFile) {
            throw new ConfigException(
                    pointer,
                    "Missing key 'model' or 'file' at " + pointer + "; expected {\"model\": \"" + BUILTIN
                            + "\"}, {\"model\": \"model.onnx\", \"input_size\": 224} or {\"file\": "
                            + "\"embeddings.csv\"}.");
        }
        if (hasFile) {
            onlyKeys(node, pointer, List.of("file"), "precomputed embeddings");
            String file = ConfigReader.requireString(node, pointer, "file");
            return new Precomputed(baseDir.resolve(file).normalize());
        }
        String model = ConfigReader.requireString(node, pointer, "model");
        if (model.equals(BUILTIN)) {
            onlyKeys(node, pointer, List.of("model", "dimension"), "the built-in embedder");
            int dimension = intInRange(
                            node, pointer, "dimension", BuiltinEmbedder.MIN_DIMENSION, BuiltinEmbedder.MAX_DIMENSION)
                    .orElse(BuiltinEmbedder.DEFAULT_DIMENSION);
            return new Builtin(dimension);
        }
        if (!model.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            String at = ConfigReader.child(pointer, "model");
            throw new ConfigException(
                    at,
                    "Unknown model '" + model + "' at " + at + "; expected '" + BUILTIN
                            + "' or the path of an .onnx file." + DidYouMean.hint(model, List.of(BUILTIN)));
        }
        onlyKeys(node, pointer, List.of("model", "input_size", "mean", "std"), "ONNX models");
        int inputSize =
                intInRange(node, pointer, "input_size", 1, MAX_INPUT_SIZE).orElse(DEFAULT_INPUT_SIZE);
        List<Float> mean = node.has("mean") ? channels(node, pointer, "mean", false) : OnnxEmbedder.IMAGENET_MEAN;
        List<Float> std = node.has("std") ? channels(node, pointer, "std", true) : OnnxEmbedder.IMAGENET_STD;
        return new Onnx(baseDir.resolve(model).normalize(), inputSize, mean, std);
    }

    private static void onlyKeys(JsonNode node, String pointer, List<String> allowed, String what) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                String at = ConfigReader.child(pointer, key);
                throw new ConfigException(
                        at,
                        "The key '" + key + "' at " + at + " does not apply to " + what + "; allowed there: "
                                + String.join(", ", allowed) + ".");
            }
        }
    }

    private static OptionalInt intInRange(JsonNode node, String pointer, String key, int min, int max) {
        OptionalInt value = ConfigReader.optionalInt(node, pointer, key);
        if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
            String at = ConfigReader.child(pointer, key);
            throw new ConfigException(
                    at,
                    "Expected an integer from " + min + " to " + max + " at " + at + ", but found " + value.getAsInt()
                            + ".");
        }
        return value;
    }

    private static List<Float> channels(JsonNode node, String pointer, String key, boolean positive) {
        String at = ConfigReader.child(pointer, key);
        JsonNode array = node.get(key);
        if (!array.isArray() || array.size() != 3) {
            throw new ConfigException(
                    at,
                    "Expected 3 numbers (red, green, blue) at " + at + ", but found "
                            + (array.isArray() ? array.size() + " values" : ConfigReader.describe(array)) + ".");
        }
        List<Float> values = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            String elementAt = ConfigReader.child(at, i);
            double value = ConfigReader.number(array.get(i), elementAt);
            if (positive && !(value > 0)) {
                throw new ConfigException(
                        elementAt,
                        "Expected a positive number at " + elementAt + ", but found "
                                + ConfigReader.describe(array.get(i)) + ".");
            }
            values.add((float) value);
        }
        return List.copyOf(values);
    }
}
