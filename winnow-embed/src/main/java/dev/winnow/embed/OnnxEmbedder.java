package dev.winnow.embed;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An embedder backed by an ONNX model that the user points at, run on the CPU through ONNX
 * Runtime. Each image is resampled (area averaging) to {@code inputSize x inputSize}, scaled to
 * 0–1, normalised per channel as {@code (value - mean) / std} and laid out as a float tensor
 * {@code [N, 3, H, W]} (NCHW, RGB); the model's first output is flattened per image and
 * L2-normalised.
 *
 * <p>The model is checked when it is opened: it must have exactly one input, of type float and
 * rank 4, with 3 channels and a height and width that are either dynamic or equal to the input
 * size. A model whose batch dimension is fixed gets batches of exactly that size (the last one is
 * padded). The output length is read from the model or, when dynamic, from one run on a blank image.
 *
 * <pre>{@code
 * try (OnnxEmbedder embedder = OnnxEmbedder.open(Path.of("resnet18.onnx"), 224,
 *         OnnxEmbedder.IMAGENET_MEAN, OnnxEmbedder.IMAGENET_STD)) {
 *     float[][] rows = embedder.embed(images);
 * }
 * }</pre>
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently. {@link #close()} releases the
 * native session.
 */
public final class OnnxEmbedder implements Embedder {

    /** The per-channel means most ImageNet-trained models expect, on the 0–1 scale (RGB). */
    public static final List<Float> IMAGENET_MEAN = List.of(0.485f, 0.456f, 0.406f);
    /** The per-channel standard deviations most ImageNet-trained models expect, on the 0–1 scale (RGB). */
    public static final List<Float> IMAGENET_STD = List.of(0.229f, 0.224f, 0.225f);

    /** Images sent to the model at once when its batch dimension is dynamic. */
    public static final int MAX_BATCH = 32;

    private final String file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final int inputSize;
    private final int fixedBatch; // 0 when the batch dimension is dynamic
    private final float[] mean;
    private final float[] std;
    private final int dimension;

    private OnnxEmbedder(
            String file,
            OrtEnvironment environment,
            OrtSession session,
            String inputName,
            String outputName,
            int inputSize,
            int fixedBatch,
            float[] mean,
            float[] std) {
        this.file = file;
        this.environment = environment;
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.inputSize = inputSize;
        this.fixedBatch = fixedBatch;
        this.mean = mean;
        this.std = std;
        this.dimension = outputLength();
    }

    /**
     * Loads and checks a model.
     *
     * @param model     the {@code .onnx} file
     * @param inputSize the side of the square image the model takes
     * @param mean      three per-channel means (red, green, blue) on the 0–1 scale
     * @param std       three positive per-channel standard deviations on the 0–1 scale
     * @throws EmbeddingException when the file is missing, is not a model, or its input does not fit
     */
    public static OnnxEmbedder open(Path model, int inputSize, List<Float> mean, List<Float> std) {
        Objects.requireNonNull(model, "model");
        String file = model.toString();
        Normalisation normalisation = checkSettings(inputSize, mean, std);
        if (!Files.exists(model)) {
            throw new EmbeddingException("The ONNX model file '" + file + "' does not exist.");
        }
        if (!Files.isRegularFile(model)) {
            throw new EmbeddingException("The ONNX model path '" + file + "' is not a file.");
        }
        return load(file, inputSize, normalisation, (environment, options) -> environment.createSession(file, options));
    }

    /**
     * Loads and checks a model from its bytes, read elsewhere (on a cluster: by the driver, and
     * shipped to each executor once), so that no file need exist here.
     *
     * @param file the model's file as the user named it, for messages
     * @throws EmbeddingException when the bytes are not a model or its input does not fit
     */
    public static OnnxEmbedder open(byte[] model, String file, int inputSize, List<Float> mean, List<Float> std) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        Normalisation normalisation = checkSettings(inputSize, mean, std);
        return load(
                file, inputSize, normalisation, (environment, options) -> environment.createSession(model, options));
    }

    /** How a session is made from the model, with the embedder's options. */
    private interface SessionMaker {
        OrtSession create(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;
    }

    /** The per-channel means and standard deviations, checked once. */
    private record Normalisation(float[] mean, float[] std) {}

    private static Normalisation checkSettings(int inputSize, List<Float> mean, List<Float> std) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("The input size must be at least 1 pixel, but was " + inputSize + ".");
        }
        float[] means = channels(mean, "mean");
        float[] deviations = channels(std, "std");
        for (float s : deviations) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("Every std value must be positive, but got " + std + ".");
            }
        }
        return new Normalisation(means, deviations);
    }

    private static OnnxEmbedder load(String file, int inputSize, Normalisation normalisation, SessionMaker maker) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "winnow");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            session = maker.create(environment, options);
        } catch (OrtException e) {
            if (e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF) {
                throw new EmbeddingException(
                        "The file '" + file + "' is not a valid ONNX model: it cannot be parsed as an ONNX protobuf.",
                        e);
            }
            throw new EmbeddingException("The ONNX model '" + file + "' could not be loaded: " + e.getMessage(), e);
        }
        try {
            return check(file, environment, session, inputSize, normalisation.mean(), normalisation.std());
        } catch (RuntimeException | OrtException e) {
            closeQuietly(session);
            if (e instanceof EmbeddingException embedding) {
                throw embedding;
            }
            throw new EmbeddingException("The ONNX model '" + file + "' could not be inspected: " + e.getMessage(), e);
        }
    }

    private static OnnxEmbedder check(
            String file, OrtEnvironment environment, OrtSession session, int inputSize, float[] mean, float[] std)
            throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        String expected = "[N, 3, " + inputSize + ", " + inputSize + "]";
        if (inputs.size() != 1) {
            throw new EmbeddingException("The ONNX model '" + file + "' has " + inputs.size() + " inputs ("
                    + String.join(", ", inputs.keySet()) + "); expected one image input of shape " + expected + ".");
        }
        NodeInfo input = inputs.values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo tensor)) {
            throw new EmbeddingException("The ONNX model '" + file + "' takes '" + input.getName()
                    + "' as a value that is not a tensor; expected a float tensor of shape " + expected + ".");
        }
        if (tensor.type != OnnxJavaType.FLOAT) {
            throw new EmbeddingException("The ONNX model '" + file + "' takes '" + input.getName() + "' as a tensor of "
                    + tensor.type + "; expected a float tensor of shape " + expected + ".");
        }
        long[] shape = tensor.getShape();
        boolean fits = shape.length == 4 && fits(shape[1], 3) && fits(shape[2], inputSize) && fits(shape[3], inputSize);
        if (!fits) {
            throw new EmbeddingException(
                    "The ONNX model '" + file + "' expects input '" + input.getName() + "' of shape " + describe(shape)
                            + ", but the embedder feeds " + expected + " (input_size " + inputSize + ").");
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (outputs.isEmpty()) {
            throw new EmbeddingException("The ONNX model '" + file + "' has no outputs.");
        }
        String outputName = outputs.keySet().iterator().next();
        int fixedBatch = shape[0] > 0 ? Math.toIntExact(shape[0]) : 0;
        return new OnnxEmbedder(
                file, environment, session, input.getName(), outputName, inputSize, fixedBatch, mean, std);
    }

    private static boolean fits(long dimension, int wanted) {
        return dimension < 0 || dimension == wanted;
    }

    private static String describe(long[] shape) {
        return Arrays.stream(shape)
                .mapToObj(d -> d < 0 ? "?" : Long.toString(d))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static float[] channels(List<Float> values, String name) {
        if (values == null || values.size() != 3) {
            throw new IllegalArgumentException(
                    "The " + name + " needs 3 values (red, green, blue), but got " + values + ".");
        }
        return new float[] {values.get(0), values.get(1), values.get(2)};
    }

    /** The flattened output length per image, from the declared shape or one probe run. */
    private int outputLength() {
        try {
            NodeInfo output = session.getOutputInfo().get(outputName);
            if (output != null && output.getInfo() instanceof TensorInfo tensor) {
                long[] shape = tensor.getShape();
                long length = 1;
                boolean known = shape.length >= 1;
                for (int i = 1; i < shape.length; i++) {
                    known &= shape[i] > 0;
                    length *= Math.max(1, shape[i]);
                }
                if (known) {
                    return Math.toIntExact(length);
                }
            }
            BufferedImage blank = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            return run(List.of(blank))[0].length;
        } catch (OrtException e) {
            throw new EmbeddingException("The ONNX model '" + file + "' could not be inspected: " + e.getMessage(), e);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public float[][] embed(List<BufferedImage> batch) {
        Objects.requireNonNull(batch, "batch");
        int chunk = fixedBatch > 0 ? fixedBatch : MAX_BATCH;
        List<float[]> rows = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += chunk) {
            List<BufferedImage> part = batch.subList(from, Math.min(batch.size(), from + chunk));
            float[][] answer = run(part);
            for (int k = 0; k < answer.length; k++) {
                float[] row = answer[k];
                if (row.length != dimension) {
                    throw new EmbeddingException("The ONNX model '" + file + "' answered with " + row.length
                            + " values per image; expected " + dimension + ".");
                }
                for (float value : row) {
                    if (!Float.isFinite(value)) {
                        throw new EmbeddingException("The ONNX model '" + file + "' answered with " + value
                                + " for image " + (from + k) + " of the batch; expected finite numbers.");
                    }
                }
                rows.add(Vectors.l2Normalize(row));
            }
        }
        return rows.toArray(new float[0][]);
    }

    /** Runs one batch (padded to the fixed batch size if there is one) and returns the raw flattened rows. */
    private float[][] run(List<BufferedImage> images) {
        int count = images.size();
        int batch = fixedBatch > 0 ? fixedBatch : count;
        int plane = inputSize * inputSize;
        FloatBuffer pixels = FloatBuffer.allocate(batch * 3 * plane);
        float[] values = pixels.array();
        for (int n = 0; n < count; n++) {
            RgbPlanes planes = RgbPlanes.resample(Objects.requireNonNull(images.get(n), "image"), inputSize);
            int base = n * 3 * plane;
            normalise(planes.red, values, base, 0);
            normalise(planes.green, values, base + plane, 1);
            normalise(planes.blue, values, base + 2 * plane, 2);
        }
        long[] shape = {batch, 3, inputSize, inputSize};
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, pixels, shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxValue value = result.get(outputName).orElseThrow();
            if (!(value instanceof OnnxTensor output) || output.getInfo().type != OnnxJavaType.FLOAT) {
                throw new EmbeddingException("The ONNX model '" + file + "' answered with " + value.getInfo() + " for '"
                        + outputName + "'; expected a float tensor.");
            }
            FloatBuffer answer = output.getFloatBuffer();
            int total = answer.remaining();
            if (total % batch != 0) {
                throw new EmbeddingException("The ONNX model '" + file + "' answered with " + total
                        + " values for a batch of " + batch + " images; expected a multiple of " + batch + ".");
            }
            int length = total / batch;
            float[][] rows = new float[count][length];
            for (int n = 0; n < count; n++) {
                answer.get(rows[n]);
            }
            return rows;
        } catch (OrtException e) {
            throw new EmbeddingException(
                    "The ONNX model '" + file + "' failed on a batch of " + count + " images: " + e.getMessage(), e);
        }
    }

    private void normalise(float[] channel, float[] into, int offset, int c) {
        float scale = 1f / (255f * std[c]);
        float shift = mean[c] / std[c];
        for (int i = 0; i < channel.length; i++) {
            into[offset + i] = channel[i] * scale - shift;
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // The session is gone either way; nothing a caller could do about it.
        }
    }

    @Override
    public String toString() {
        return "ONNX model '" + file + "' (input " + inputSize + "x" + inputSize + ", " + dimension + " dimensions)";
    }
}
