package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.azure.Azurite;
import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winnow run} into a bucket (S3Proxy) and into an Azure container (Azurite): the same run
 * folder, byte for byte apart from the locations' names, as into a local folder, on image and
 * object level, and a second run that builds on the datapool the first left in the bucket.
 */
class CloudRunTest {
    private static final String AZURE_CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    private static final String OBJECT_CONFIG = """
            {"object_level": {"task_name": "shapes", "padding": 0.1},
             "selection": {"n_samples": 4, "strategies": [
              {"input": {"type": "EMBEDDINGS", "task": "shapes"}, "strategy": {"type": "DIVERSITY"}}]},
             "seed": 3}
            """;

    @TempDir
    Path dir;

    private S3ProxyServer server;
    private Path local;
    private String remote;

    @BeforeEach
    void dataset() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        local = dir.resolve("data");
        DemoDataset.generate(local, 8, 48, 36, 5);
        remote = "s3://" + server.newBucket("runs") + "/data";
        Datasource source = LocalDatasource.at(local);
        Datasource target = Locations.openOrCreate(remote);
        for (String path : source.list("")) {
            target.writeAtomically(path, source.readAllBytes(path, 1 << 24));
        }
        Files.writeString(dir.resolve("image.json"), RunCommandTest.CONFIG);
        Files.writeString(dir.resolve("object.json"), OBJECT_CONFIG);
    }

    private String run(String... args) {
        Finished finished = Finished.inProcess(args);
        assertThat(finished.err()).isEmpty();
        assertThat(finished.exit()).isEqualTo(ExitCodes.OK);
        assertThat(finished.out()).doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(Azurite.KEY);
        return finished.out();
    }

    /**
     * The files below {@code prefix}, by path below it, the location names in them replaced by LOC
     * and the run's start time and duration (the reports show them) by T; a datapool's sample list
     * keeps names and sizes, its modification times (an object's upload time) become T too.
     */
    private static Map<String, String> files(Datasource source, String prefix, String name) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String path : source.list(prefix)) {
            String text = new String(source.readAllBytes(path, 1 << 26), StandardCharsets.ISO_8859_1)
                    .replace(name, "LOC")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "T")
                    .replaceAll("took [0-9.]+ s", "took T s")
                    .replaceAll("\"seconds\" ?: ?[0-9.Ee-]+", "\"seconds\": T");
            if (path.endsWith("samples.tsv")) {
                text = text.replaceAll("(?m)\t\\d+$", "\tT");
            }
            files.put(path.substring(prefix.length() + 1), text);
        }
        return files;
    }

    @Test
    void imageAndObjectLevelRuns_withTheDatapool_matchTheLocalRuns() throws Exception {
        assertRunsMatchTheLocalRuns();
    }

    /** The same three runs with the data and the outputs in an Azure container (Azurite) instead of a bucket. */
    @Test
    void imageAndObjectLevelRuns_withTheDatapool_inAnAzureContainer_matchTheLocalRuns() throws Exception {
        Azurite azurite = Azurite.get();
        remote = "az://" + Azurite.ACCOUNT + "/" + azurite.newContainer() + "/data";
        System.setProperty(AZURE_CONNECTION_STRING, Azurite.connectionString(azurite.blobEndpoint()));
        try {
            Datasource source = LocalDatasource.at(local);
            Datasource target = Locations.openOrCreate(remote);
            for (String path : source.list("")) {
                target.writeAtomically(path, source.readAllBytes(path, 1 << 24));
            }
            assertRunsMatchTheLocalRuns();
        } finally {
            System.clearProperty(AZURE_CONNECTION_STRING);
        }
    }

    /**
     * A first and a second image-level run (the second builds on the datapool) and an object-level
     * run, on the local copy and over {@code remote}: the same output and run folders, datapool and
     * object store, byte for byte apart from names and times.
     */
    private void assertRunsMatchTheLocalRuns() throws Exception {
        for (String[] step :
                new String[][] {{"image.json", "first"}, {"image.json", "second"}, {"object.json", "objects"}}) {
            String onDisk = run(
                    "run",
                    "--input",
                    local.toString(),
                    "--config",
                    dir.resolve(step[0]).toString(),
                    "--run-id",
                    step[1],
                    "--threads",
                    "2");
            String inBucket = run(
                    "run",
                    "--input",
                    remote,
                    "--config",
                    dir.resolve(step[0]).toString(),
                    "--run-id",
                    step[1],
                    "--threads",
                    "2");

            assertThat(inBucket.replace(remote, "LOC")).isEqualTo(onDisk.replace(local.toString(), "LOC"));
            String runFolder = ".winnow/runs/" + step[1];
            Map<String, String> localRun = files(LocalDatasource.at(local), runFolder, local.toString());
            Map<String, String> remoteRun = files(Locations.open(remote), runFolder, remote);
            assertThat(remoteRun.keySet())
                    .isEqualTo(localRun.keySet())
                    .contains("report.html", "selected.txt", "run.complete");
            for (String file : localRun.keySet()) {
                assertThat(remoteRun.get(file)).as(file).isEqualTo(localRun.get(file));
            }
        }
        assertThat(files(Locations.open(remote), ".winnow/datapool", remote))
                .isEqualTo(files(LocalDatasource.at(local), ".winnow/datapool", local.toString()));
        assertThat(files(Locations.open(remote), ".winnow/objects", remote))
                .isEqualTo(files(LocalDatasource.at(local), ".winnow/objects", local.toString()));
        assertThat(Locations.open(remote).list(".winnow/datapool"))
                .allMatch(p -> p.equals(".winnow/datapool/CURRENT") || p.startsWith(".winnow/datapool/gen-2/"));
    }

    @Test
    void unfinishedRunOfTheSameId_isReplaced_aFinishedOneRefused() throws Exception {
        Datasource bucket = Locations.open(remote);
        bucket.writeAtomically(".winnow/runs/again/stale.txt", "from a killed run".getBytes(StandardCharsets.UTF_8));

        run(
                "run",
                "--input",
                remote,
                "--config",
                dir.resolve("image.json").toString(),
                "--run-id",
                "again",
                "--threads",
                "2");

        assertThat(bucket.list(".winnow/runs/again"))
                .contains(".winnow/runs/again/run.complete")
                .doesNotContain(".winnow/runs/again/stale.txt");
        Finished again = Finished.inProcess(
                "run", "--input", remote, "--config", dir.resolve("image.json").toString(), "--run-id", "again");
        assertThat(again.err())
                .isEqualTo("winnow: A run with the id 'again' already exists at " + remote
                        + "/.winnow/runs/again; choose another --run-id or delete that folder.\n");
        assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
