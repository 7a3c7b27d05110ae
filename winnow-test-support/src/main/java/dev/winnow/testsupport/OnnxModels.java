package dev.winnow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Builds small, real ONNX model files for tests: a hand-written protobuf encoder for the few
 * messages a model needs (ModelProto, GraphProto, NodeProto, ValueInfoProto, TypeProto,
 * TensorShapeProto, TensorProto, OperatorSetIdProto), with field numbers from onnx.proto.
 */
public final class OnnxModels {

    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT
    private static final int INT64 = 7;

    private OnnxModels() {}

    /** images [batch (an Integer or a String name), 3, size, size] -> GlobalAveragePool -> Flatten -> embedding [batch, 3]: per-channel means. */
    public static Path channelMeans(Path dir, Object batch, int size) throws IOException {
        Message graph = new Message()
                .message(1, node("GlobalAveragePool", List.of("images"), "pooled"))
                .message(1, node("Flatten", List.of("pooled"), "embedding"))
                .string(2, "channel_means")
                .message(11, valueInfo("images", FLOAT, batch, 3, size, size))
                .message(12, valueInfo("embedding", FLOAT, batch, 3));
        return write(dir.resolve("channel-means.onnx"), graph);
    }

    /**
     * images -> 1x1 Conv with fixed weights (3 -> 2 channels) -> GlobalAveragePool -> Flatten: the
     * embedding is {@code weights . channelMeans} per output channel. The output shape is declared
     * without dimensions, so the embedder must find its length by running the model.
     */
    public static Path mixedChannels(Path dir, float[] weights) throws IOException {
        Message tensor = new Message()
                .int64(1, 2)
                .int64(1, 3)
                .int64(1, 1)
                .int64(1, 1)
                .int64(2, FLOAT)
                .string(8, "weights")
                .bytes(9, littleEndian(weights));
        Message graph = new Message()
                .message(1, node("Conv", List.of("images", "weights"), "mixed"))
                .message(1, node("GlobalAveragePool", List.of("mixed"), "pooled"))
                .message(1, node("Flatten", List.of("pooled"), "embedding"))
                .string(2, "mixed_channels")
                .message(5, tensor)
                .message(11, valueInfo("images", FLOAT, "N", 3, "H", "W"))
                .message(
                        12,
                        new Message()
                                .string(1, "embedding")
                                .message(2, new Message().message(1, new Message().int64(1, FLOAT))));
        return write(dir.resolve("mixed-channels.onnx"), graph);
    }

    /** images -> GlobalAveragePool -> Log -> Flatten: not a number for a channel whose mean is negative. */
    public static Path logOfChannelMeans(Path dir) throws IOException {
        Message graph = new Message()
                .message(1, node("GlobalAveragePool", List.of("images"), "pooled"))
                .message(1, node("Log", List.of("pooled"), "logs"))
                .message(1, node("Flatten", List.of("logs"), "embedding"))
                .string(2, "log_of_channel_means")
                .message(11, valueInfo("images", FLOAT, "N", 3, 4, 4))
                .message(12, valueInfo("embedding", FLOAT, "N", 3));
        return write(dir.resolve("log-means.onnx"), graph);
    }

    /** A model with two inputs (a + b). */
    public static Path twoInputs(Path dir) throws IOException {
        Message graph = new Message()
                .message(1, node("Add", List.of("a", "b"), "sum"))
                .string(2, "two_inputs")
                .message(11, valueInfo("a", FLOAT, "N", 3))
                .message(11, valueInfo("b", FLOAT, "N", 3))
                .message(12, valueInfo("sum", FLOAT, "N", 3));
        return write(dir.resolve("two-inputs.onnx"), graph);
    }

    /** A model whose single input is an int64 tensor. */
    public static Path integerInput(Path dir) throws IOException {
        Message graph = new Message()
                .message(1, node("Identity", List.of("images"), "embedding"))
                .string(2, "integer_input")
                .message(11, valueInfo("images", INT64, "N", 3, 8, 8))
                .message(12, valueInfo("embedding", INT64, "N", 3, 8, 8));
        return write(dir.resolve("integer-input.onnx"), graph);
    }

    private static Message node(String op, List<String> inputs, String output) {
        Message node = new Message();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output)
                .string(3, op.toLowerCase(Locale.ROOT) + "_" + output)
                .string(4, op);
    }

    /** A ValueInfoProto of a tensor; each dimension is an Integer (dim_value) or a String (dim_param). */
    private static Message valueInfo(String name, int elementType, Object... dims) {
        Message shape = new Message();
        for (Object dim : dims) {
            shape.message(
                    1,
                    dim instanceof Integer value
                            ? new Message().int64(1, value)
                            : new Message().string(2, (String) dim));
        }
        Message tensorType = new Message().int64(1, elementType).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    private static Path write(Path file, Message graph) throws IOException {
        Message model = new Message()
                .int64(1, 8) // ir_version
                .string(2, "winnow-tests") // producer_name
                .message(7, graph)
                .message(8, new Message().string(1, "").int64(2, 13)); // opset_import: default domain, opset 13
        Files.write(file, model.toByteArray());
        return file;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** A protobuf message under construction: fields are appended in the order written. */
    static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message int64(int field, long value) {
            varint((long) field << 3);
            varint(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toByteArray());
        }

        Message bytes(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
