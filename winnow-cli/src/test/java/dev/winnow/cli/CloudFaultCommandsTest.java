package dev.winnow.cli;

import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole commands over an S3 bucket behind a proxy that throttles (503 SlowDown), resets and delays
 * a share of the requests finish as they finish without the proxy and write the same bytes; an
 * object the store refuses (403) still stops the command with the access sentence and exit code 3.
 */
class CloudFaultCommandsTest {
    private static final String PREDICTION = ".lightly/predictions/" + DemoDataset.DETECTION + "/images/shapes-1.json";

    @TempDir
    Path dir;

    private S3ProxyServer server;
    private FaultProxy proxy;
    private String bucket;
    private String remote;
    private Path local;
    private String endpoint;

    @BeforeEach
    void bucketBehindAFaultyProxy() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        endpoint = System.getProperty("aws.endpointUrl");
        bucket = server.newBucket("faulty");
        remote = "s3://" + bucket + "/data";
        local = dir.resolve("data");
        DemoDataset.generate(local, 6, 48, 36, 11);
        Datasource source = LocalDatasource.at(local);
        Datasource target = Locations.openOrCreate(remote);
        for (String path : source.list("")) {
            target.writeAtomically(path, source.readAllBytes(path, 1 << 20));
        }
        proxy = new FaultProxy(server.port(), 0.10, 0.05, 0.05, 100, 42);
    }

    @AfterEach
    void restore() throws IOException {
        System.setProperty("aws.endpointUrl", endpoint);
        proxy.close();
    }

    private void throughTheProxy(boolean on) {
        System.setProperty("aws.endpointUrl", on ? proxy.endpoint().toString() : endpoint);
    }

    /** What validate, scores, convert coco (into the bucket) and run give, by name; outputs under {@code name}. */
    private Map<String, Object> commands(String name) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("validate", inProcess("validate", "--input", remote));
        results.put("scores", inProcess("scores", "--input", remote, "--task", DemoDataset.DETECTION));
        String converted = "s3://" + bucket + "/" + name + "/converted";
        Finished convert = inProcess(
                "convert",
                "coco",
                "--annotations",
                dir.resolve("instances.json").toString(),
                "--images",
                remote,
                "--output",
                converted,
                "--task",
                "boxes");
        results.put("convert", new Finished(convert.exit(), convert.out().replace(converted, "OUT"), convert.err()));
        Path out = dir.resolve(name + "-run");
        AzureCommandsTest.copy(local.resolve(".lightly"), out.resolve(".lightly"));
        Finished ran = inProcess(
                "run",
                "--input",
                remote,
                "--output",
                out.toString(),
                "--config",
                dir.resolve("run.json").toString(),
                "--run-id",
                "t1",
                "--threads",
                "2");
        results.put("run", new Finished(ran.exit(), ran.out().replace(out.toString(), "OUT"), ran.err()));
        throughTheProxy(false);
        results.put("converted files", CloudCommandsTest.contents(Locations.open(converted)));
        Map<String, String> runFiles = new LinkedHashMap<>();
        AzureCommandsTest.files(out.resolve(".winnow/runs/t1"), remote)
                .forEach((file, text) -> runFiles.put(file, text.replace(out.toString(), "OUT")));
        results.put("run files", runFiles);
        return results;
    }

    private static Finished result(Map<String, Object> results, String command) {
        return (Finished) Objects.requireNonNull(results.get(command));
    }

    @Test
    void everyCommand_finishesAsWithoutFaults_andWritesTheSameBytes() throws Exception {
        Files.writeString(dir.resolve("instances.json"), """
                {"images": [{"id": 1, "file_name": "images/shapes-0.jpg"},
                            {"id": 2, "file_name": "images/shapes-4.jpg"}],
                 "categories": [{"id": 3, "name": "box"}],
                 "annotations": [{"image_id": 1, "category_id": 3, "bbox": [2, 3, 10, 12]},
                                 {"image_id": 2, "category_id": 3, "bbox": [0, 0, 20, 9], "score": 0.5}]}""");
        Files.writeString(dir.resolve("run.json"), RunCommandTest.CONFIG);

        Map<String, Object> plain = commands("plain");
        throughTheProxy(true);
        Map<String, Object> faulty = commands("faulty");

        assertThat(faulty).isEqualTo(plain);
        assertThat(result(plain, "validate").out()).endsWith("The predictions are valid.\n");
        assertThat(result(plain, "scores").out().lines().count()).isEqualTo(7);
        for (String command : new String[] {"validate", "scores", "convert", "run"}) {
            assertThat(result(plain, command).exit()).as(command).isEqualTo(ExitCodes.OK);
        }
        assertThat(((Map<?, ?>) Objects.requireNonNull(plain.get("run files"))).containsKey("selected.txt"))
                .isTrue();
        assertThat(List.<Object>copyOf(((Map<?, ?>) Objects.requireNonNull(plain.get("converted files"))).keySet()))
                .containsExactly(
                        ".lightly/predictions/boxes/images/shapes-0.json",
                        ".lightly/predictions/boxes/images/shapes-4.json",
                        ".lightly/predictions/boxes/schema.json",
                        ".lightly/predictions/tasks.json");
        assertThat(proxy.slowDowns.get()).isPositive();
        assertThat(proxy.resets.get()).isPositive();
        assertThat(proxy.delays.get()).isPositive();
    }

    @Test
    void aDeniedObject_amidFaults_stillStopsWithTheAccessSentence() {
        String key = "/" + bucket + "/data/" + PREDICTION;
        proxy.deny(line -> (line.startsWith("GET ") || line.startsWith("HEAD "))
                && (line.contains(" " + key + " ") || line.contains(" " + key + "?")));
        throughTheProxy(true);

        Finished result = inProcess("validate", "--input", remote);

        assertThat(result.err())
                .isEqualTo("winnow: Access to " + remote + " was denied reading '" + PREDICTION
                        + "': the credentials lack the permission s3:GetObject.\n");
        assertThat(result.out()).isEmpty();
        assertThat(result.exit()).isEqualTo(ExitCodes.IO);
    }
}
