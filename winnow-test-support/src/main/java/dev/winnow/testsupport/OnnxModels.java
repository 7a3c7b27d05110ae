package dev.winnow.testsupport;

import static dev.winnow.testsupport.OnnxProto.FLOAT;
import static dev.winnow.testsupport.OnnxProto.GRAPH_INITIALIZER;
import static dev.winnow.testsupport.OnnxProto.GRAPH_INPUT;
import static dev.winnow.testsupport.OnnxProto.GRAPH_NAME;
import static dev.winnow.testsupport.OnnxProto.GRAPH_NODE;
import static dev.winnow.testsupport.OnnxProto.GRAPH_OUTPUT;
import static dev.winnow.testsupport.OnnxProto.INT64;
import static dev.winnow.testsupport.OnnxProto.node;
import static dev.winnow.testsupport.OnnxProto.valueInfo;

import dev.winnow.testsupport.OnnxProto.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small, real ONNX model files for tests, written with {@link OnnxProto}. */
public final class OnnxModels {

    private OnnxModels() {}

    /**
     * images [batch (an Integer or a String name), 3, size, size] -> GlobalAveragePool -> Flatten -> embedding [batch,
     * 3]: per-channel means.
     */
    public static Path channelMeans(Path dir, Object batch, int size) throws IOException {
        Message graph = new Message()
                .message(GRAPH_NODE, node("GlobalAveragePool", List.of("images"), "pooled"))
                .message(GRAPH_NODE, node("Flatten", List.of("pooled"), "embedding"))
                .string(GRAPH_NAME, "channel_means")
                .message(GRAPH_INPUT, valueInfo("images", FLOAT, batch, 3, size, size))
                .message(GRAPH_OUTPUT, valueInfo("embedding", FLOAT, batch, 3));
        return OnnxProto.writeModel(dir.resolve("channel-means.onnx"), graph);
    }

    /**
     * images -> 1x1 Conv with fixed weights (3 -> 2 channels) -> GlobalAveragePool -> Flatten: the
     * embedding is {@code weights . channelMeans} per output channel. The output shape is declared
     * without dimensions, so the embedder must find its length by running the model.
     */
    public static Path mixedChannels(Path dir, float[] weights) throws IOException {
        Message tensor = OnnxProto.floatTensor("weights", weights, 2, 3, 1, 1);
        Message graph = new Message()
                .message(GRAPH_NODE, node("Conv", List.of("images", "weights"), "mixed"))
                .message(GRAPH_NODE, node("GlobalAveragePool", List.of("mixed"), "pooled"))
                .message(GRAPH_NODE, node("Flatten", List.of("pooled"), "embedding"))
                .string(GRAPH_NAME, "mixed_channels")
                .message(GRAPH_INITIALIZER, tensor)
                .message(GRAPH_INPUT, valueInfo("images", FLOAT, "N", 3, "H", "W"))
                .message(
                        GRAPH_OUTPUT,
                        new Message()
                                .string(1, "embedding")
                                .message(2, new Message().message(1, new Message().int64(1, FLOAT))));
        return OnnxProto.writeModel(dir.resolve("mixed-channels.onnx"), graph);
    }

    /** images -> GlobalAveragePool -> Log -> Flatten: not a number for a channel whose mean is negative. */
    public static Path logOfChannelMeans(Path dir) throws IOException {
        Message graph = new Message()
                .message(GRAPH_NODE, node("GlobalAveragePool", List.of("images"), "pooled"))
                .message(GRAPH_NODE, node("Log", List.of("pooled"), "logs"))
                .message(GRAPH_NODE, node("Flatten", List.of("logs"), "embedding"))
                .string(GRAPH_NAME, "log_of_channel_means")
                .message(GRAPH_INPUT, valueInfo("images", FLOAT, "N", 3, 4, 4))
                .message(GRAPH_OUTPUT, valueInfo("embedding", FLOAT, "N", 3));
        return OnnxProto.writeModel(dir.resolve("log-means.onnx"), graph);
    }

    /** A model with two inputs (a + b). */
    public static Path twoInputs(Path dir) throws IOException {
        Message graph = new Message()
                .message(GRAPH_NODE, node("Add", List.of("a", "b"), "sum"))
                .string(GRAPH_NAME, "two_inputs")
                .message(GRAPH_INPUT, valueInfo("a", FLOAT, "N", 3))
                .message(GRAPH_INPUT, valueInfo("b", FLOAT, "N", 3))
                .message(GRAPH_OUTPUT, valueInfo("sum", FLOAT, "N", 3));
        return OnnxProto.writeModel(dir.resolve("two-inputs.onnx"), graph);
    }

    /** A model whose single input is an int64 tensor. */
    public static Path integerInput(Path dir) throws IOException {
        Message graph = new Message()
                .message(GRAPH_NODE, node("Identity", List.of("images"), "embedding"))
                .string(GRAPH_NAME, "integer_input")
                .message(GRAPH_INPUT, valueInfo("images", INT64, "N", 3, 8, 8))
                .message(GRAPH_OUTPUT, valueInfo("embedding", INT64, "N", 3, 8, 8));
        return OnnxProto.writeModel(dir.resolve("integer-input.onnx"), graph);
    }
}
