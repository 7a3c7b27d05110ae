package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.demo.DemoDataset;
import dev.winnow.embed.EmbeddingException;
import dev.winnow.testsupport.OnnxModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition's work as an executor does it: with an ONNX model, the model's bytes handed over by
 * the driver replace its path, which need not exist where the partition runs.
 */
class PartitionStepTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 2, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]},
             "embeddings": {"model": "models/means.onnx", "input_size": 8}}
            """;

    @TempDir
    Path tmp;

    @Test
    void onnxModelFromTheDriversBytes_embedsAsFromThePath_whereThePathIsMissing() throws Exception {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 5, 32, 24, 4);
        List<RunSample> samples = new ArrayList<>();
        try (var files = Files.list(data.resolve("images"))) {
            for (Path image : files.sorted().toList()) {
                samples.add(RunSample.image(
                        data.relativize(image).toString(),
                        Files.size(image),
                        Files.getLastModifiedTime(image).toMillis()));
            }
        }
        assertThat(samples).hasSize(5);
        Path withModel = Files.createDirectories(tmp.resolve("driver"));
        OnnxModels.channelMeans(Files.createDirectories(withModel.resolve("models")), "N", 8);
        Files.move(withModel.resolve("models/channel-means.onnx"), withModel.resolve("models/means.onnx"));
        Path withoutModel = Files.createDirectories(tmp.resolve("executor"));
        RunLocations driver = locations(data, withModel);
        RunLocations executor = locations(data, withoutModel);
        PartitionStep step = PartitionStep.samples(Set.of());

        byte[] fromPath = step.compute(driver, samples);
        byte[] model = PartitionStep.onnxModel(driver).orElseThrow();
        assertThat(model).isEqualTo(Files.readAllBytes(withModel.resolve("models/means.onnx")));
        assertThatThrownBy(() -> step.compute(executor, samples))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model file '" + withoutModel.resolve("models/means.onnx") + "' does not exist.");
        AtomicInteger asked = new AtomicInteger();
        byte[] fromBytes = step.compute(
                executor,
                () -> {
                    asked.incrementAndGet();
                    return model;
                },
                samples);
        step.compute(executor, () -> model, samples.subList(0, 2));

        assertThat(fromBytes).isEqualTo(fromPath);
        EmbeddingStage.Embedded embedded =
                PartitionRows.decodeSamples(fromBytes).embedded();
        assertThat(embedded.dimension()).isEqualTo(3);
        assertThat(embedded.samples()).isEqualTo(samples);
        assertThat(asked).as("the model is asked once per JVM").hasValue(1);
        String builtin =
                CONFIG.replace("\"model\": \"models/means.onnx\", \"input_size\": 8", "\"model\": \"builtin\"");
        assertThat(builtin).contains("builtin");
        assertThat(PartitionStep.onnxModel(locations(data, withModel, builtin))).isEmpty();
    }

    private static RunLocations locations(Path data, Path configDir) {
        return locations(data, configDir, CONFIG);
    }

    private static RunLocations locations(Path data, Path configDir, String config) {
        return new RunLocations(
                data.toString(),
                data.toString(),
                config,
                configDir.resolve("run.json").toString(),
                configDir.toString());
    }
}
