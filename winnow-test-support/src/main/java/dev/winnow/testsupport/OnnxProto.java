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
 * Writes real ONNX model files without the ONNX libraries: a hand-written protobuf encoder for the
 * few messages a model needs (ModelProto, GraphProto, NodeProto, AttributeProto, ValueInfoProto,
 * TypeProto, TensorShapeProto, TensorProto, OperatorSetIdProto), with the field numbers of
 * onnx.proto. Tests build tiny models with it ({@link OnnxModels}); the benchmarks a ResNet-like one.
 *
 * <pre>{@code
 * Message graph = new Message()
 *         .message(OnnxProto.GRAPH_NODE, OnnxProto.node("GlobalAveragePool", List.of("images"), "embedding"))
 *         .string(OnnxProto.GRAPH_NAME, "means")
 *         .message(OnnxProto.GRAPH_INPUT, OnnxProto.valueInfo("images", OnnxProto.FLOAT, "N", 3, 8, 8))
 *         .message(OnnxProto.GRAPH_OUTPUT, OnnxProto.valueInfo("embedding", OnnxProto.FLOAT, "N", 3, 1, 1));
 * OnnxProto.writeModel(dir.resolve("means.onnx"), graph);
 * }</pre>
 */
public final class OnnxProto {

    /** TensorProto.DataType.FLOAT. */
    public static final int FLOAT = 1;
    /** TensorProto.DataType.INT64. */
    public static final int INT64 = 7;

    // GraphProto's field numbers.
    public static final int GRAPH_NODE = 1;
    public static final int GRAPH_NAME = 2;
    public static final int GRAPH_INITIALIZER = 5;
    public static final int GRAPH_INPUT = 11;
    public static final int GRAPH_OUTPUT = 12;

    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT
    private static final int ATTRIBUTE_INTS = 7; // AttributeProto.AttributeType.INTS

    private OnnxProto() {}

    /** A NodeProto applying {@code op} to {@code inputs}, named after its op and output. */
    public static Message node(String op, List<String> inputs, String output) {
        Message node = new Message();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output)
                .string(3, op.toLowerCase(Locale.ROOT) + "_" + output)
                .string(4, op);
    }

    /** Adds an integer-list attribute (kernel_shape, pads, strides) to a node. */
    public static Message withInts(Message node, String name, long... values) {
        Message attribute = new Message().string(1, name);
        for (long value : values) {
            attribute.int64(8, value);
        }
        return node.message(NODE_ATTRIBUTE, attribute.int64(20, ATTRIBUTE_INTS));
    }

    /** Adds an integer attribute to a node. */
    public static Message withInt(Message node, String name, long value) {
        return node.message(
                NODE_ATTRIBUTE, new Message().string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT));
    }

    /** A ValueInfoProto of a tensor; each dimension is an Integer (dim_value) or a String (dim_param). */
    public static Message valueInfo(String name, int elementType, Object... dims) {
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

    /** A float TensorProto (an initializer) of the given dimensions, values in row-major order. */
    public static Message floatTensor(String name, float[] values, long... dims) {
        long count = 1;
        Message tensor = new Message();
        for (long dim : dims) {
            tensor.int64(1, dim);
            count *= dim;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "A tensor of " + count + " values was given " + values.length + " values.");
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** Writes a ModelProto (IR version 8, opset 13 of the default domain) holding {@code graph}. */
    public static Path writeModel(Path file, Message graph) throws IOException {
        Message model = new Message()
                .int64(1, 8) // ir_version
                .string(2, "winnow-tests") // producer_name
                .message(7, graph)
                .message(8, new Message().string(1, "").int64(2, 13)); // opset_import: default domain, opset 13
        Files.write(file, model.toByteArray());
        return file;
    }

    /** A protobuf message under construction: fields are appended in the order written. */
    public static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** A varint field (int64, int32, enum). */
        public Message int64(int field, long value) {
            varint((long) field << 3);
            varint(value);
            return this;
        }

        /** A UTF-8 string field. */
        public Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        /** An embedded message field. */
        public Message message(int field, Message value) {
            return bytes(field, value.toByteArray());
        }

        /** A length-delimited bytes field. */
        public Message bytes(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        /** The encoded message. */
        public byte[] toByteArray() {
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
