package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.winnow.cloud.azure.Azurite;
import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import picocli.CommandLine;

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

    /** Exit code, standard output and standard error of one command. */
    private record Result(int exit, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = WinnowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        printed.add(out.toString());
        printed.add(err.toString());
        return new Result(exit, out.toString(), err.toString());
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
    private static Map<String, String> files(Path folder, String name) throws IOException {
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

        Result onDisk = run("validate", "--input", local.toString());
        Result inAzure = run("validate", "--input", location("images"));

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

        Result onDisk = run(
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
        Result inAzure = run(
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
    void validate_withATokenThatMayNotList_saysWhichLetterIsMissing() throws Exception {
        upload(writeOne(tmp.resolve("one")), "images");
        BlobServiceSasSignatureValues readOnly = new BlobServiceSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), BlobContainerSasPermission.parse("r"));
        String token = azurite.client().getBlobContainerClient(container).generateSas(readOnly);
        System.setProperty(
                CONNECTION_STRING, "BlobEndpoint=" + azurite.blobEndpoint() + ";SharedAccessSignature=" + token);

        Result denied = run("validate", "--input", location("images"));

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

    private static void copy(Path from, Path to) throws IOException {
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
