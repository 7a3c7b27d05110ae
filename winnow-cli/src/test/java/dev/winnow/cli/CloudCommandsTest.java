package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLock;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commands over a local folder and over an S3 bucket (S3Proxy) give the same output,
 * byte for byte apart from the locations' names, and no output ever shows the secret key.
 */
class CloudCommandsTest {
    @TempDir
    Path dir;

    private S3ProxyServer server;
    private String bucket;
    private Path local;
    private String remote;

    @BeforeEach
    void dataset() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        bucket = server.newBucket("commands");
        local = dir.resolve("data");
        png("a.png", 40, 30);
        png("folder/b c.png", 64, 48);
        png("ünï/d.png", 20, 10);
        png("e.png", 16, 16);
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        write(".lightly/predictions/det/schema.json", """
                {"task_type": "object-detection", "categories": [{"id": 0, "name": "cat"}, {"id": 1, "name": \
                "dog"}]}""");
        write(".lightly/predictions/det/a.json", """
                {"file_name": "a.png", "predictions": [
                  {"category_id": 0, "bbox": [1, 2, 10, 8], "score": 0.9, "probabilities": [0.9, 0.1]},
                  {"category_id": 1, "bbox": [5, 5, 20, 20], "score": 0.55, "probabilities": [0.45, 0.55]}]}""");
        write(".lightly/predictions/det/folder/b c.json", """
                {"file_name": "folder/b c.png", "predictions": [
                  {"category_id": 1, "bbox": [0, 0, 64, 48], "score": 0.6, "probabilities": [0.4, 0.6]}]}""");
        write(".lightly/predictions/det/ünï/d.json", """
                {"file_name": "ünï/d.png", "predictions": [
                  {"category_id": 0, "bbox": [2, 2, 10, 4], "score": 0.7, "probabilities": [0.7, 0.3]}]}""");
        remote = "s3://" + bucket + "/data";
        Datasource source = LocalDatasource.at(local);
        Datasource target = Locations.openOrCreate(remote);
        for (String path : source.list("")) {
            target.writeAtomically(path, source.readAllBytes(path, 1 << 20));
        }
    }

    private void png(String path, int width, int height) throws IOException {
        Path file = local.resolve(path);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(width * 3, height * 2, 90));
        g.fillRect(1, 1, width / 2, height / 2);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private void write(String path, String text) throws IOException {
        Path file = local.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Finished run(Map<String, String> names, String... args) {
        Finished finished = Finished.inProcess(args);
        assertThat(finished.out() + finished.err()).doesNotContain(S3ProxyServer.SECRET_KEY);
        return new Finished(finished.exit(), replace(finished.out(), names), replace(finished.err(), names));
    }

    private static String replace(String text, Map<String, String> names) {
        String result = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            result = result.replace(name.getKey(), name.getValue());
        }
        return result;
    }

    /**
     * Every file of a datasource with its bytes as text (hex for binary files would hide nothing more here),
     * but for the output lock, which a local folder keeps (emptied) and a bucket never has.
     */
    static Map<String, String> contents(Datasource source) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String path : source.list("")) {
            if (path.equals(OutputLock.PATH)) {
                continue;
            }
            files.put(path, new String(source.readAllBytes(path, 1 << 24), StandardCharsets.ISO_8859_1));
        }
        return files;
    }

    @Test
    void validate_sameOnABucketAsOnAFolder() {
        Finished onDisk = run(Map.of(local.toString(), "LOC"), "validate", "--input", local.toString());
        Finished inBucket = run(Map.of(remote, "LOC"), "validate", "--input", remote);

        assertThat(inBucket).isEqualTo(onDisk);
        assertThat(onDisk.out())
                .contains("1 sample without predictions (of 4 samples: 4 images)")
                .endsWith("The predictions are valid.\n");
        assertThat(onDisk.exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void validate_jsonAndStrict_withOutputInAnotherBucket() throws Exception {
        String other = "s3://" + server.newBucket("elsewhere") + "/out";
        Datasource predictions = Locations.openOrCreate(other);
        Datasource source = LocalDatasource.at(local);
        for (String path : source.list(".lightly")) {
            predictions.writeAtomically(path, source.readAllBytes(path, 1 << 20));
        }
        predictions.writeAtomically(
                ".lightly/predictions/det/e.json", "{\"predictions\": [], }".getBytes(StandardCharsets.UTF_8));
        write(".lightly/predictions/det/e.json", "{\"predictions\": [], }");

        Finished onDisk = run(
                Map.of(local.toString(), "LOC"),
                "validate",
                "--input",
                local.toString(),
                "--strict",
                "--format",
                "json");
        Finished inBuckets = run(
                Map.of(remote, "LOC", other, "LOC"),
                "validate",
                "--input",
                remote,
                "--output",
                other,
                "--strict",
                "--format",
                "json",
                "--cloud-concurrency",
                "3");

        assertThat(inBuckets).isEqualTo(onDisk);
        assertThat(onDisk.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void scores_sameOnABucketAsOnAFolder() throws IOException {
        Finished onDisk = run(Map.of(local.toString(), "LOC"), "scores", "--input", local.toString(), "--task", "det");
        Finished inBucket = run(Map.of(remote, "LOC"), "scores", "--input", remote, "--task", "det");

        assertThat(inBucket).isEqualTo(onDisk);
        assertThat(onDisk.out().lines().count()).isEqualTo(4);
        assertThat(onDisk.exit()).isEqualTo(ExitCodes.OK);

        String remoteCsv = "s3://" + bucket + "/scores/det.csv";
        Finished written = run(Map.of(remote, "LOC"), "scores", "--input", remote, "--task", "det", "--out", remoteCsv);
        assertThat(written.out()).isEmpty();
        assertThat(written.err()).isEqualTo(onDisk.err());
        assertThat(new String(
                        Locations.open("s3://" + bucket + "/scores").readAllBytes("det.csv", 1 << 20),
                        StandardCharsets.UTF_8))
                .isEqualTo(onDisk.out());
    }

    @Test
    void fileOptionNamingABucket_isAUsageMistake() {
        Finished result = run(Map.of(), "scores", "--input", remote, "--task", "det", "--out", "s3://" + bucket);

        assertThat(result.err())
                .isEqualTo("winnow: The location s3://" + bucket + " names a bucket or folder, not a file; "
                        + "expected a file such as s3://" + bucket + "/file.json.\n");
        assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void convertAndExportCoco_sameOnABucketAsOnAFolder() throws Exception {
        Path coco = dir.resolve("instances.json");
        Files.writeString(coco, """
                {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "folder/b c.png"},
                            {"id": 3, "file_name": "e.png", "width": 16, "height": 16}],
                 "categories": [{"id": 7, "name": "thing"}],
                 "annotations": [{"image_id": 1, "category_id": 7, "bbox": [1, 1, 5, 5]},
                                 {"image_id": 2, "category_id": 7, "bbox": [3, 3, 10, 10], "score": 0.25},
                                 {"image_id": 9, "category_id": 7, "bbox": [0, 0, 1, 1]}]}""");
        Path localOut = dir.resolve("converted");
        String remoteOut = "s3://" + bucket + "/converted";
        Map<String, String> localNames = Map.of(local.toString(), "IMAGES", localOut.toString(), "OUT");
        Map<String, String> remoteNames = Map.of(remote, "IMAGES", remoteOut, "OUT");

        Finished onDisk = run(
                localNames,
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
        Finished inBucket = run(
                remoteNames,
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--images",
                remote,
                "--output",
                remoteOut,
                "--task",
                "boxes");

        assertThat(inBucket).isEqualTo(onDisk);
        assertThat(onDisk.exit()).isEqualTo(ExitCodes.INVALID);
        Map<String, String> converted = contents(Locations.open(remoteOut));
        assertThat(converted).isEqualTo(contents(LocalDatasource.at(localOut)));
        String remoteCoco = "s3://" + bucket + "/annotations/instances.json";
        Locations.openOrCreate("s3://" + bucket + "/annotations")
                .writeAtomically("instances.json", Files.readAllBytes(coco));
        String fromObject = "s3://" + bucket + "/from-object";
        Finished convertedFromObject = run(
                Map.of(remote, "IMAGES", fromObject, "OUT"),
                "convert",
                "coco",
                "--annotations",
                remoteCoco,
                "--images",
                remote,
                "--output",
                fromObject,
                "--task",
                "boxes");
        assertThat(convertedFromObject.out()).isEqualTo(onDisk.out());
        assertThat(contents(Locations.open(fromObject))).isEqualTo(converted);
        assertThat(converted.keySet())
                .containsExactly(
                        ".lightly/predictions/boxes/a.json",
                        ".lightly/predictions/boxes/e.json",
                        ".lightly/predictions/boxes/folder/b c.json",
                        ".lightly/predictions/boxes/schema.json",
                        ".lightly/predictions/tasks.json");

        Path localExport = dir.resolve("local-export.json");
        String remoteExport = "s3://" + bucket + "/exports/boxes.json";
        Finished exportedOnDisk = run(
                Map.of(localOut.toString(), "OUT", localExport.toString(), "FILE"),
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
        Finished exportedInBucket = run(
                Map.of(remoteOut, "OUT", remoteExport, "FILE"),
                "export",
                "coco",
                "--input",
                remoteOut,
                "--task",
                "boxes",
                "--out",
                remoteExport,
                "--images",
                remote);

        assertThat(exportedInBucket).isEqualTo(exportedOnDisk);
        assertThat(exportedOnDisk.exit()).isEqualTo(ExitCodes.OK);
        assertThat(Locations.open("s3://" + bucket + "/exports").readAllBytes("boxes.json", 1 << 20))
                .isEqualTo(Files.readAllBytes(localExport));

        Finished validated = run(
                Map.of(remote, "IMAGES", remoteOut, "OUT"),
                "validate",
                "--input",
                remote,
                "--output",
                remoteOut,
                "--task",
                "boxes");
        assertThat(validated.out()).endsWith("The predictions are valid.\n");
    }

    @Test
    void deniedOrMissingBucket_exit3_withOneSentence() {
        Finished missing = run(Map.of(), "validate", "--input", "s3://no-such-bucket/images");

        assertThat(missing.err())
                .isEqualTo("winnow: The bucket 'no-such-bucket' of s3://no-such-bucket/images does not exist "
                        + "(or the S3 endpoint in use does not have it).\n");
        assertThat(missing.out()).isEmpty();
        assertThat(missing.exit()).isEqualTo(ExitCodes.IO);

        Finished malformed = run(Map.of(), "scores", "--input", "s3://", "--task", "det");
        assertThat(malformed.err())
                .isEqualTo("winnow: The location s3:// names no bucket; expected s3://bucket/prefix.\n");
        assertThat(malformed.exit()).isEqualTo(ExitCodes.USAGE);

        List<String> args = new ArrayList<>(List.of("validate", "--input", remote, "--cloud-concurrency", "0"));
        Finished badConcurrency = run(Map.of(), args.toArray(String[]::new));
        assertThat(badConcurrency.err()).startsWith("winnow: --cloud-concurrency must be 1 or more, but was 0.\n");
        assertThat(badConcurrency.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void cloudLocationMissingASlash_isAUsageMistake_notAFolder() throws IOException {
        Finished validate = run(Map.of(), "validate", "--input", "s3:/" + bucket + "/data");
        assertThat(validate.err())
                .isEqualTo("winnow: The location s3:/" + bucket + "/data starts with 's3:' but not 's3://'; "
                        + "expected s3://bucket/prefix.\n");
        assertThat(validate.out()).isEmpty();
        assertThat(validate.exit()).isEqualTo(ExitCodes.USAGE);

        Path coco = dir.resolve("coco.json");
        Files.writeString(
                coco, "{\"images\": [], \"annotations\": [], \"categories\": [{\"id\": 1, \"name\": \"cat\"}]}");
        Finished convert = run(
                Map.of(),
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--output",
                "gs:bucket/out",
                "--task",
                "det");
        assertThat(convert.err())
                .isEqualTo("winnow: The location gs:bucket/out starts with 'gs:' but not 'gs://'; "
                        + "expected gs://bucket/prefix.\n");
        assertThat(convert.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Path.of("gs:bucket")).doesNotExist();
    }
}
