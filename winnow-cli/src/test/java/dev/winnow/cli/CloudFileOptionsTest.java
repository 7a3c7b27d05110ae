package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.demo.DemoDataset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * The file options (--csv, --categories, --classes, --palette, --maps, run --config and the
 * embeddings file of run.json) read objects in a bucket (S3Proxy) as they read local files: the
 * same outputs, and the same sentences for a missing file, naming the object.
 */
class CloudFileOptionsTest {
    @TempDir
    Path dir;

    private S3ProxyServer server;
    private String bucket;
    private Path local;
    private String remote;
    private Datasource remoteFolder;

    @BeforeEach
    void files() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        bucket = server.newBucket("files");
        local = dir.resolve("in");
        remote = "s3://" + bucket + "/in";
        remoteFolder = Locations.openOrCreate(remote);
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        Files.createDirectories(dir.resolve("images"));
        ImageIO.write(image, "png", dir.resolve("images/x.png").toFile());
        Files.createDirectories(dir.resolve("masks"));
        ImageIO.write(image, "png", dir.resolve("masks/x.png").toFile());
        put("labels.csv", "filename,category\nx.png,dog\n");
        put("classes.txt", "cat\ndog\n");
        put("data.yaml", "names: [cat, dog]\n");
        put("palette.txt", "0 road\n");
        put("labels/x.txt", "1 0.5 0.5 0.5 0.5\n");
        put(
                "xml/x.xml",
                "<annotation><filename>x.png</filename><object><name>dog</name>"
                        + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>3</xmax><ymax>2</ymax></bndbox></"
                        + "object></annotation>");
        put("maps/x.npy", npy(2, 2, 4));
    }

    /** Writes the same file into the local folder and the bucket folder. */
    private void put(String path, String text) throws IOException {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String path, byte[] bytes) throws IOException {
        Path file = local.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        remoteFolder.writeAtomically(path, bytes);
    }

    /** A float32 C x H x W map in which class 1 wins the right half. */
    private static byte[] npy(int classes, int height, int width) throws IOException {
        String header =
                "{'descr': '<f4', 'fortran_order': False, 'shape': (" + classes + ", " + height + ", " + width + "), }";
        StringBuilder padded = new StringBuilder(header);
        while ((10 + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        ByteBuffer data = ByteBuffer.allocate(classes * height * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < classes; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean right = x >= width / 2;
                    data.putFloat(c == (right ? 1 : 0) ? 0.75f : 0.25f);
                }
            }
        }
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) padded.length(), 0});
        npy.write(padded.toString().getBytes(StandardCharsets.ISO_8859_1));
        npy.write(data.array());
        return npy.toByteArray();
    }

    private Finished run(String... args) {
        Finished finished = Finished.inProcess(args);
        assertThat(finished.out() + finished.err()).doesNotContain(S3ProxyServer.SECRET_KEY);
        return finished;
    }

    /** The command with every {@code IN} replaced by {@code folder}, and {@code OUT} by {@code output}. */
    private Finished run(String folder, Path output, String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.add(
                    arg.replace("IN", folder).replace("OUT", output.toString()).replace("DIR", dir.toString()));
        }
        Finished result = run(words.toArray(String[]::new));
        return new Finished(
                result.exit(),
                result.out().replace(folder, "IN").replace(output.toString(), "OUT"),
                result.err().replace(folder, "IN").replace(output.toString(), "OUT"));
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Datasource source = LocalDatasource.at(folder);
        Map<String, String> files = new TreeMap<>();
        for (String path : source.list("")) {
            files.put(path, new String(source.readAllBytes(path, 1 << 20), StandardCharsets.ISO_8859_1));
        }
        return files;
    }

    /** Runs {@code args} on the local folder and on the bucket: same exit, output and files written. */
    private Finished sameOnBoth(String... args) throws IOException {
        Finished inBucket = sameOutputOnBoth(args);
        assertThat(contents(dir.resolve("out-cloud"))).isEqualTo(contents(dir.resolve("out-local")));
        return inBucket;
    }

    /** Runs {@code args} on the local folder and on the bucket: same exit and output. */
    private Finished sameOutputOnBoth(String... args) {
        Finished onDisk = run(local.toString(), dir.resolve("out-local"), args);
        Finished inBucket = run(remote, dir.resolve("out-cloud"), args);
        assertThat(inBucket).isEqualTo(onDisk);
        return inBucket;
    }

    @Test
    void everyConvertFileOption_readsAnObjectAsAFile() throws Exception {
        Finished csv = sameOnBoth(
                "convert",
                "classification-csv",
                "--csv",
                "IN/labels.csv",
                "--categories",
                "IN/classes.txt",
                "--images",
                "DIR/images",
                "--output",
                "OUT",
                "--task",
                "cls");
        assertThat(csv.exit()).as(csv.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("out-cloud/.lightly/predictions/cls/x.json")))
                .isEqualTo("{\"file_name\":\"x.png\",\"predictions\":[{\"category_id\":1}]}\n");

        Finished yolo = sameOnBoth(
                "convert",
                "yolo",
                "--labels",
                "IN/labels",
                "--images",
                "DIR/images",
                "--classes",
                "IN/data.yaml",
                "--output",
                "OUT",
                "--task",
                "yolo");
        assertThat(yolo.exit()).as(yolo.err()).isEqualTo(ExitCodes.OK);

        Finished voc = sameOnBoth(
                "convert",
                "voc",
                "--annotations",
                "IN/xml",
                "--images",
                "DIR/images",
                "--categories",
                "IN/classes.txt",
                "--output",
                "OUT",
                "--task",
                "voc");
        assertThat(voc.exit()).as(voc.err()).isEqualTo(ExitCodes.OK);

        Finished masks = sameOnBoth(
                "convert",
                "masks",
                "--masks",
                "DIR/masks",
                "--images",
                "DIR/images",
                "--palette",
                "IN/palette.txt",
                "--output",
                "OUT",
                "--task",
                "seg");
        assertThat(masks.exit()).as(masks.err()).isEqualTo(ExitCodes.OK);

        Finished maps = sameOnBoth(
                "convert",
                "probability-maps",
                "--maps",
                "IN/maps",
                "--images",
                "DIR/images",
                "--categories",
                "IN/classes.txt",
                "--output",
                "OUT",
                "--task",
                "maps");
        assertThat(maps.exit()).as(maps.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("out-cloud/.lightly/predictions/maps/x.json")))
                .contains("\"category_id\":1");
    }

    @Test
    void missingObjects_getTheSentenceOfAMissingFile_namingTheObject() throws Exception {
        Finished categories = sameOnBoth(
                "convert",
                "voc",
                "--annotations",
                "IN/xml",
                "--images",
                "DIR/images",
                "--categories",
                "IN/gone.txt",
                "--output",
                "OUT",
                "--task",
                "voc");
        assertThat(categories.err())
                .isEqualTo("winnow: The categories file IN/gone.txt does not exist or is not a file.\n");
        assertThat(categories.exit()).isEqualTo(ExitCodes.USAGE);

        Finished csv =
                sameOnBoth("convert", "classification-csv", "--csv", "IN/gone.csv", "--output", "OUT", "--task", "cls");
        assertThat(csv.err())
                .isEqualTo("winnow: The file IN/gone.csv given with --csv does not exist or is not a file.\n");
        assertThat(csv.exit()).isEqualTo(ExitCodes.USAGE);

        Finished config = sameOnBoth("run", "--input", "DIR/images", "--output", "OUT", "--config", "IN/gone.json");
        assertThat(config.err())
                .isEqualTo("winnow: The run configuration IN/gone.json does not exist or is not a file.\n");
        assertThat(config.exit()).isEqualTo(ExitCodes.USAGE);

        Finished maps = sameOnBoth(
                "convert",
                "probability-maps",
                "--maps",
                "IN/no-maps",
                "--categories",
                "IN/classes.txt",
                "--output",
                "OUT",
                "--task",
                "maps");
        assertThat(maps.err()).isEqualTo("winnow: The folder IN/no-maps given with --maps does not exist.\n");
        assertThat(maps.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void deniedObject_stopsWithTheAccessSentence_exit3() throws Exception {
        String endpoint = System.getProperty("aws.endpointUrl");
        try (FaultProxy proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1)) {
            proxy.deny(line -> line.startsWith("GET /" + bucket + "/in/classes.txt"));
            System.setProperty("aws.endpointUrl", proxy.endpoint().toString());

            Finished denied = run(
                    "convert",
                    "voc",
                    "--annotations",
                    local.resolve("xml").toString(),
                    "--images",
                    dir.resolve("images").toString(),
                    "--categories",
                    remote + "/classes.txt",
                    "--output",
                    dir.resolve("out").toString(),
                    "--task",
                    "voc");

            assertThat(denied.err())
                    .isEqualTo(
                            "winnow: Access to " + remote + " was denied reading 'classes.txt': the credentials lack "
                                    + "the permission s3:GetObject.\n");
            assertThat(denied.exit()).isEqualTo(ExitCodes.IO);
            assertThat(dir.resolve("out/.lightly/predictions/voc")).doesNotExist();
        } finally {
            System.setProperty("aws.endpointUrl", endpoint);
        }
    }

    @Test
    void runConfigInABucket_readsItsEmbeddingsFileBesideIt() throws Exception {
        Path images = dir.resolve("demo");
        DemoDataset.generate(images, 6, 32, 24, 3);
        String config = "{\"selection\": {\"n_samples\": 2, \"strategies\": [{\"input\": {\"type\": \"EMBEDDINGS\"},"
                + " \"strategy\": {\"type\": \"DIVERSITY\"}}]}, \"embeddings\": {\"file\": \"emb/embeddings.csv\"},"
                + " \"seed\": 1}";
        StringBuilder csv = new StringBuilder("filenames,embedding_0,embedding_1,labels\n");
        List<String> names = LocalDatasource.at(images).list("").stream()
                .filter(p -> p.endsWith(".jpg"))
                .toList();
        for (int i = 0; i < names.size(); i++) {
            csv.append(names.get(i))
                    .append(',')
                    .append(i)
                    .append(',')
                    .append(i * i % 5)
                    .append(",0\n");
        }
        put("run.json", config);
        put("emb/embeddings.csv", csv.toString());

        Finished result = sameOutputOnBoth(
                "run",
                "--input",
                images.toString(),
                "--output",
                "OUT",
                "--config",
                "IN/run.json",
                "--run-id",
                "r1",
                "--threads",
                "1");
        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(names).hasSize(6);
        List<String> selected = Files.readAllLines(dir.resolve("out-cloud/.winnow/runs/r1/selected.txt"));
        assertThat(selected).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("out-local/.winnow/runs/r1/selected.txt")))
                .isEqualTo(selected);
        assertThat(Files.readString(dir.resolve("out-cloud/.winnow/runs/r1/diagnostics.jsonl")))
                .doesNotContain("embeddings");

        remoteFolder.delete("emb/embeddings.csv");
        Finished missing = run(
                "run",
                "--input",
                images.toString(),
                "--output",
                dir.resolve("out-missing").toString(),
                "--config",
                remote + "/run.json",
                "--run-id",
                "r2");
        assertThat(missing.err()).contains("The embeddings file '" + remote + "/emb/embeddings.csv' does not exist.");
    }
}
