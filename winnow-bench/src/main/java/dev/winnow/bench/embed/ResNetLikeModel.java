package dev.winnow.bench.embed;

import static dev.winnow.testsupport.OnnxProto.FLOAT;
import static dev.winnow.testsupport.OnnxProto.GRAPH_INITIALIZER;
import static dev.winnow.testsupport.OnnxProto.GRAPH_INPUT;
import static dev.winnow.testsupport.OnnxProto.GRAPH_NAME;
import static dev.winnow.testsupport.OnnxProto.GRAPH_NODE;
import static dev.winnow.testsupport.OnnxProto.GRAPH_OUTPUT;
import static dev.winnow.testsupport.OnnxProto.node;
import static dev.winnow.testsupport.OnnxProto.valueInfo;
import static dev.winnow.testsupport.OnnxProto.withInts;

import dev.winnow.testsupport.OnnxProto;
import dev.winnow.testsupport.OnnxProto.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a ResNet-like ONNX model with random fixed weights, for measuring ONNX embedding
 * throughput without downloading a trained network: a 7x7 stride-2 stem convolution and a 3x3
 * stride-2 max pool, four stages of two residual blocks (3x3 Conv, Relu, 3x3 Conv, Add, Relu; the
 * first block of a stage halves the size and doubles the channels, its shortcut a 1x1 stride-2
 * Conv), a global average pool and a linear projection to the embedding. Channels 32, 64, 128 and
 * 256 give about 2.8 million parameters and, at 224x224, about half a billion multiply-adds per
 * image (a quarter of a ResNet-18). The weights are He-scaled normal draws from the seed, with the
 * second convolution of each block scaled down so that activations stay in range without
 * normalisation layers. Input {@code images [N, 3, SIZE, SIZE]}, output {@code embedding [N, DIM]}.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.embed.ResNetLikeModel OUT.onnx [SEED] [DIM]}
 */
public final class ResNetLikeModel {
    private static final int[] CHANNELS = {32, 64, 128, 256};
    private static final int BLOCKS_PER_STAGE = 2;

    private final Message graph = new Message();
    private final SplittableRandom random;
    private long parameters;
    private int names;

    private ResNetLikeModel(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ResNetLikeModel OUT.onnx [SEED] [DIM]");
            System.exit(2);
        }
        long seed = args.length >= 2 ? Long.parseLong(args[1]) : 42;
        int dimension = args.length >= 3 ? Integer.parseInt(args[2]) : 128;
        ResNetLikeModel model = new ResNetLikeModel(seed);
        long parameters = model.write(Path.of(args[0]), dimension);
        System.out.printf(Locale.ROOT, "parameters %d, embedding %d, file %s%n", parameters, dimension, args[0]);
    }

    /** Writes the model; returns its parameter count. */
    private long write(Path file, int dimension) throws IOException {
        String x = conv("images", 3, CHANNELS[0], 7, 2, 1.0);
        x = relu(x);
        Message pool = node("MaxPool", List.of(x), "pool");
        withInts(pool, "kernel_shape", 3, 3);
        withInts(pool, "strides", 2, 2);
        withInts(pool, "pads", 1, 1, 1, 1);
        graph.message(GRAPH_NODE, pool);
        x = "pool";
        int channels = CHANNELS[0];
        for (int stage = 0; stage < CHANNELS.length; stage++) {
            for (int block = 0; block < BLOCKS_PER_STAGE; block++) {
                int out = CHANNELS[stage];
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = residualBlock(x, channels, out, stride);
                channels = out;
            }
        }
        graph.message(GRAPH_NODE, node("GlobalAveragePool", List.of(x), "pooled"));
        graph.message(GRAPH_NODE, node("Flatten", List.of("pooled"), "features"));
        String projection = weights(new long[] {channels, dimension}, Math.sqrt(1.0 / channels));
        graph.message(GRAPH_NODE, node("MatMul", List.of("features", projection), "embedding"));
        graph.string(GRAPH_NAME, "resnet_like")
                .message(GRAPH_INPUT, valueInfo("images", FLOAT, "N", 3, "H", "W"))
                .message(GRAPH_OUTPUT, valueInfo("embedding", FLOAT, "N", dimension));
        OnnxProto.writeModel(file, graph);
        return parameters;
    }

    /** Conv, Relu, Conv, plus the shortcut (a 1x1 Conv when the shape changes), Relu. */
    private String residualBlock(String input, int in, int out, int stride) {
        String branch = relu(conv(input, in, out, 3, stride, 1.0));
        branch = conv(branch, out, out, 3, 1, 0.25);
        String shortcut = in == out && stride == 1 ? input : conv(input, in, out, 1, stride, 1.0);
        String sum = name("sum");
        graph.message(GRAPH_NODE, node("Add", List.of(branch, shortcut), sum));
        return relu(sum);
    }

    private String conv(String input, int in, int out, int kernel, int stride, double gain) {
        String weights = weights(new long[] {out, in, kernel, kernel}, gain * Math.sqrt(2.0 / (in * kernel * kernel)));
        String bias = weights(new long[] {out}, 0.01);
        String output = name("conv");
        int pad = kernel / 2;
        Message conv = node("Conv", List.of(input, weights, bias), output);
        withInts(conv, "kernel_shape", kernel, kernel);
        withInts(conv, "strides", stride, stride);
        withInts(conv, "pads", pad, pad, pad, pad);
        graph.message(GRAPH_NODE, conv);
        return output;
    }

    private String relu(String input) {
        String output = name("relu");
        graph.message(GRAPH_NODE, node("Relu", List.of(input), output));
        return output;
    }

    /** An initializer of normal draws with standard deviation {@code std}; returns its name. */
    private String weights(long[] dims, double std) {
        int count = 1;
        for (long dim : dims) {
            count = Math.multiplyExact(count, (int) dim);
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (gaussian() * std);
        }
        String name = name("w");
        graph.message(GRAPH_INITIALIZER, OnnxProto.floatTensor(name, values, dims));
        parameters += count;
        return name;
    }

    /** A standard normal draw (Box-Muller), so the weights depend only on the seed. */
    private double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private String name(String kind) {
        return kind + "_" + names++;
    }
}
