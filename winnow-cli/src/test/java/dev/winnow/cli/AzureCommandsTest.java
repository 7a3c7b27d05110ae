package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.winnow.cloud.azure.Azurite;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands over {@code az://} locations on Azurite give what they give on a local copy of the
 * same files, apart from the location's name. The emulator's connection string is set as the
 * system property the Azure SDK reads beside the environment variable.
 */
class AzureCommandsTest {
    private static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";

    @TempDir
    Path tmp;

    private Azurite azurite;
    private String container;
    /** Everything the commands printed, to check for secrets. */
    private final List<String> printed = new ArrayList<>();

    @BeforeEach
    void emulator() {
        azurite = Azurite.get();
        container = azurite.newContainer();
        System.setProperty(CONNECTION_STRING, Azurite.connectionString(azurite.blobEndpoint()));
    }

    @AfterEach
    void noSecretPrinted() {
        System.clearProperty(CONNECTION_STRING);
        for (String text : printed) {
            assertThat(text).doesNotContain(Azurite.KEY).doesNotContain("sig=").doesNotContain("AccountKey");
        }
    }

    private Finished run(String... args) {
        Finished finished = Finished.inProcess(args);
        printed.add(finished.out());
        printed.add(finished.err());
        return finished;
    }

    /** Copies every file below {@code folder} to the container below {@code prefix}. */
    private void upload(Path folder, String prefix) throws IOException {
        BlobContainerClient client = azurite.client().getBlobContainerClient(container);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
                client.getBlobClient(key).upload(BinaryData.fromBytes(Files.readAllBytes(file)), true);
            }
        }
    }

    private String location(String prefix) {
        return "az://" + Azurite.ACCOUNT + "/" + container + "/" + prefix;
    }

    /** Every file below {@code folder} by relative path, its text with {@code name} replaced by LOC and times by T. */
    static Map<String, String> files(Path folder, String name) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        folder.relativize(file).toString(),
                        Files.readString(file, StandardCharsets.ISO_8859_1)
                                .replace(name, "LOC")
                                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "T")
                                .replaceAll("took [0-9.]+ (ms|s|min)", "took T")
                                .replaceAll("\"seconds\" ?: ?[0-9.]+", "\"seconds\":T"));
            }
        }
        return files;
    }

    @Test
    void validate_overAContainer_printsWhatItPrintsForALocalCopy() throws Exception {
        Path local = tmp.resolve("images");
        DemoDataset.generate(local, 8, 48, 36, 3);
        Files.writeString(
                local.resolve(".lightly/predictions/" + DemoDataset.DETECTION + "/img-bad.json"), "{not json");
        upload(local, "images");

        Finished onDisk = run("validate", "--input", local.toString());
        Finished inAzure = run("validate", "--input", location("images"));

        assertThat(inAzure.exit()).isEqualTo(onDisk.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(inAzure.err().replace(location("images"), "LOC"))
                .isEqualTo(onDisk.err().replace(local.toString(), "LOC"));
        assertThat(inAzure.out().replace(location("images"), "LOC"))
                .isEqualTo(onDisk.out().replace(local.toString(), "LOC"));
        assertThat(onDisk.out()).contains("img-bad.json");
    }

    @Test
    void run_withImagesInAContainer_writesWhatItWritesForALocalCopy() throws Exception {
        Path local = tmp.resolve("images");
        DemoDataset.generate(local, 10, 48, 36, 3);
        Path predictions = tmp.resolve("predictions");
        Files.createDirectories(predictions);
        Files.move(local.resolve(".lightly"), predictions.resolve(".lightly"));
        upload(local, "images");
        Files.writeString(tmp.resolve("run.json"), RunCommandTest.CONFIG);
        Path outLocal = tmp.resolve("out-local");
        Path outAzure = tmp.resolve("out-azure");
        for (Path out : List.of(outLocal, outAzure)) {
            copy(predictions, out);
        }

        Finished onDisk = run(
                "run",
                "--input",
                local.toString(),
                "--output",
                outLocal.toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "t1",
                "--threads",
                "2");
        Finished inAzure = run(
                "run",
                "--input",
                location("images"),
                "--output",
                outAzure.toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "t1",
                "--threads",
                "2");

        assertThat(onDisk.err()).isEmpty();
        assertThat(inAzure.err()).isEmpty();
        assertThat(inAzure.exit()).isEqualTo(onDisk.exit()).isEqualTo(ExitCodes.OK);
        assertThat(inAzure.out().replace(outAzure.toString(), "OUT"))
                .isEqualTo(onDisk.out().replace(outLocal.toString(), "OUT"));
        Map<String, String> azureFiles = files(outAzure.resolve(".winnow/runs/t1"), location("images"));
        Map<String, String> localFiles = files(outLocal.resolve(".winnow/runs/t1"), local.toString());
        assertThat(azureFiles.keySet())
                .containsExactlyElementsOf(localFiles.keySet())
                .contains("selected.txt");
        List<String> differing = new ArrayList<>();
        for (String file : localFiles.keySet()) {
            if (!azureFiles
                    .getOrDefault(file, "")
                    .replace(outAzure.toString(), "OUT")
                    .equals(localFiles.get(file).replace(outLocal.toString(), "OUT"))) {
                differing.add(file);
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void scores_overAContainer_printsAndWritesWhatItPrintsForALocalCopy() throws Exception {
        Path local = tmp.resolve("images");
        DemoDataset.generate(local, 8, 48, 36, 3);
        upload(local, "images");

        Finished onDisk = run("scores", "--input", local.toString(), "--task", DemoDataset.DETECTION);
        Finished inAzure = run("scores", "--input", location("images"), "--task", DemoDataset.DETECTION);

        assertThat(inAzure).isEqualTo(onDisk);
        assertThat(onDisk.exit()).isEqualTo(ExitCodes.OK);
        assertThat(onDisk.out().lines().count()).isEqualTo(9);

        Finished written = run(
                "scores",
                "--input",
                location("images"),
                "--task",
                DemoDataset.DETECTION,
                "--out",
                location("scores/shapes.csv"));
        assertThat(written.out()).isEmpty();
        assertThat(written.err()).isEqualTo(onDisk.err());
        assertThat(written.exit()).isEqualTo(ExitCodes.OK);
        assertThat(new String(
                        Locations.open(location("scores")).readAllBytes("shapes.csv", 1 << 20), StandardCharsets.UTF_8))
                .isEqualTo(onDisk.out());
    }

    @Test
    void convertCocoIntoAContainer_andExportCocoFromIt_writeWhatTheyWriteForALocalCopy() throws Exception {
        Path local = tmp.resolve("images");
        DemoDataset.generate(local, 4, 48, 36, 3);
        upload(local, "images");
        Path coco = tmp.resolve("instances.json");
        Files.writeString(coco, """
                {"images": [{"id": 1, "file_name": "images/shapes-0.jpg"},
                            {"id": 2, "file_name": "images/shapes-2.jpg"},
                            {"id": 3, "file_name": "images/shapes-3.jpg", "width": 48, "height": 36}],
                 "categories": [{"id": 4, "name": "box"}],
                 "annotations": [{"image_id": 1, "category_id": 4, "bbox": [2, 3, 10, 12]},
                                 {"image_id": 2, "category_id": 4, "bbox": [0, 0, 20, 9], "score": 0.75},
                                 {"image_id": 5, "category_id": 4, "bbox": [0, 0, 1, 1]}]}""");
        Path localOut = tmp.resolve("converted");

        Finished onDisk = run(
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--images",
                local.toString(),
                "--output",
                localOut.toString(),
                "--task",
                "boxes");
        Finished inAzure = run(
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--images",
                location("images"),
                "--output",
                location("converted"),
                "--task",
                "boxes");

        assertThat(inAzure.exit()).isEqualTo(onDisk.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(inAzure.out().replace(location("images"), "IMAGES").replace(location("converted"), "OUT"))
                .isEqualTo(onDisk.out().replace(local.toString(), "IMAGES").replace(localOut.toString(), "OUT"));
        assertThat(inAzure.err().replace(location("images"), "IMAGES").replace(location("converted"), "OUT"))
                .isEqualTo(onDisk.err().replace(local.toString(), "IMAGES").replace(localOut.toString(), "OUT"));
        Map<String, String> converted = CloudCommandsTest.contents(Locations.open(location("converted")));
        assertThat(converted).isEqualTo(CloudCommandsTest.contents(LocalDatasource.at(localOut)));
        assertThat(converted.keySet())
                .containsExactly(
                        ".lightly/predictions/boxes/images/shapes-0.json",
                        ".lightly/predictions/boxes/images/shapes-2.json",
                        ".lightly/predictions/boxes/images/shapes-3.json",
                        ".lightly/predictions/boxes/schema.json",
                        ".lightly/predictions/tasks.json");

        Path localExport = tmp.resolve("boxes.json");
        Finished exportedOnDisk = run(
                "export",
                "coco",
                "--input",
                localOut.toString(),
                "--task",
                "boxes",
                "--out",
                localExport.toString(),
                "--images",
                local.toString());
        Finished exportedFromAzure = run(
                "export",
                "coco",
                "--input",
                location("converted"),
                "--task",
                "boxes",
                "--out",
                location("exports/boxes.json"),
                "--images",
                location("images"));

        assertThat(exportedOnDisk.exit()).isEqualTo(ExitCodes.OK);
        assertThat(exportedFromAzure.exit()).isEqualTo(ExitCodes.OK);
        assertThat(exportedFromAzure
                        .out()
                        .replace(location("converted"), "OUT")
                        .replace(location("exports/boxes.json"), "FILE"))
                .isEqualTo(exportedOnDisk
                        .out()
                        .replace(localOut.toString(), "OUT")
                        .replace(localExport.toString(), "FILE"));
        assertThat(exportedFromAzure.err()).isEqualTo(exportedOnDisk.err()).isEmpty();
        assertThat(Locations.open(location("exports")).readAllBytes("boxes.json", 1 << 20))
                .isEqualTo(Files.readAllBytes(localExport));
    }

    @Test
    void validate_withATokenThatMayNotList_saysWhichLetterIsMissing() throws Exception {
        upload(writeOne(tmp.resolve("one")), "images");
        BlobServiceSasSignatureValues readOnly = new BlobServiceSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), BlobContainerSasPermission.parse("r"));
        String token = azurite.client().getBlobContainerClient(container).generateSas(readOnly);
        System.setProperty(
                CONNECTION_STRING, "BlobEndpoint=" + azurite.blobEndpoint() + ";SharedAccessSignature=" + token);

        Finished denied = run("validate", "--input", location("images"));

        assertThat(denied.exit()).isNotEqualTo(ExitCodes.OK);
        assertThat(denied.err())
                .contains("Access to " + location("images")
                        + " was denied while listing: the SAS token lacks the permission 'l' (list).");
        assertThat(denied.err() + denied.out()).doesNotContain(token);
    }

    private static Path writeOne(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.txt"), "a");
        return folder;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
