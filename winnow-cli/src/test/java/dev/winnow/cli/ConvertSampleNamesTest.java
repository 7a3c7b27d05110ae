package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converters name samples relative to the datasource the user validates on: in the README's layout
 * ({@code data/images/} beside {@code data/.lightly/}) the sample is {@code images/a/x.png}, and the
 * {@code winnow validate} command every summary ends with passes.
 */
class ConvertSampleNamesTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Finished.runInto(out, err, args.toArray(String[]::new));
    }

    private int run(String... args) {
        return run(List.of(args));
    }

    /** data/images/a/x.png (20 x 10) and data/images/y.png (8 x 6). */
    private Path data() throws Exception {
        Path data = dir.resolve("data");
        png(data.resolve("images/a/x.png"), new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
        png(data.resolve("images/y.png"), new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB));
        return data;
    }

    private static void png(Path file, BufferedImage image) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static final String IN_OUTPUT =
            "Sample names are paths inside the --output location %s (the images are in its"
                    + " folder images/), the datasource to validate and run on; pass --input to name another.\n";

    /** Runs the command the summary's last line names and asserts that it passes with both files valid. */
    private void printedValidateCommandPasses(String task, String taskType) {
        String[] lines = out.toString().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last).startsWith("Check it with: winnow validate ");
        List<String> words = new ArrayList<>(
                Arrays.asList(last.substring("Check it with: winnow ".length()).split(" ")));
        int exit = run(words);
        assertThat(out.toString())
                .isEqualTo("task " + task + " (" + taskType + "): 2 files checked, 2 valid, 0 invalid, 0 samples"
                        + " without predictions\n"
                        + "summary: 1 task, 2 files checked, 2 valid, 0 invalid, 0 errors, 0 warnings, 0 "
                        + "samples without predictions"
                        + " (of 2 samples: 2 images).\n"
                        + "The predictions are valid.\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    /** YOLO's first line, saying what kind of labels it read. */
    private static final String YOLO_BOXES =
            "Read 1 label file: 1 with boxes (YOLO detection); writing an object-detection task.\n";

    private void convertsIntoReadmeLayout(
            Path data, String task, String taskType, String predictions, String... convert) throws Exception {
        List<String> args = new ArrayList<>(List.of("convert"));
        args.addAll(List.of(convert));
        args.addAll(
                List.of("--images", data.resolve("images").toString(), "--output", data.toString(), "--task", task));
        assertThat(run(args)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .isEqualTo((convert[0].equals("yolo") ? YOLO_BOXES : "") + "Wrote 2 prediction files with "
                        + predictions + " to task '" + task + "' in " + data
                        + ".\n" + IN_OUTPUT.formatted(data) + "Check it with: winnow validate --input " + data
                        + " --task " + task + "\n");
        assertThat(Files.readString(data.resolve(".lightly/predictions/" + task + "/images/a/x.json")))
                .startsWith("{\"file_name\":\"images/a/x.png\",");
        printedValidateCommandPasses(task, taskType);
    }

    @Test
    void yolo_readmeLayout_namesSamplesInsideTheOutputAndValidates() throws Exception {
        Path data = data();
        Path labels = dir.resolve("data/labels");
        write("data/labels/a/x.txt", "0 0.5 0.5 0.5 0.5\n");
        Path classes = write("classes.txt", "thing\n");
        convertsIntoReadmeLayout(
                data,
                "yolo",
                "object-detection",
                "1 prediction",
                "yolo",
                "--labels",
                labels.toString(),
                "--classes",
                classes.toString());
        assertThat(Files.readString(data.resolve(".lightly/predictions/yolo/images/a/x.json")))
                .isEqualTo("{\"file_name\":\"images/a/x.png\",\"predictions\":[{\"category_id\":0,"
                        + "\"bbox\":[5,2.5,10,5],\"score\":1}]}\n");
    }

    @Test
    void coco_readmeLayout() throws Exception {
        Path data = data();
        Path coco = write("coco.json", """
                {"images": [{"id": 1, "file_name": "a/x.png"}, {"id": 2, "file_name": "y.png"}],
                 "categories": [{"id": 1, "name": "thing"}],
                 "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}]}
                """);
        convertsIntoReadmeLayout(
                data, "boxes", "object-detection", "1 prediction", "coco", "--annotations", coco.toString());
    }

    @Test
    void voc_readmeLayout() throws Exception {
        Path data = data();
        write(
                "xml/a/x.xml",
                "<annotation><filename>x.png</filename><object><name>cat</name><bndbox><xmin>1</xmin>"
                        + "<ymin>1</ymin><xmax>20</xmax><ymax>10</ymax></bndbox></object></annotation>");
        write("xml/y.xml", "<annotation><filename>y.png</filename></annotation>");
        convertsIntoReadmeLayout(
                data,
                "voc",
                "object-detection",
                "1 prediction",
                "voc",
                "--annotations",
                dir.resolve("xml").toString());
    }

    @Test
    void masks_readmeLayout() throws Exception {
        Path data = data();
        BufferedImage x = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        x.getRaster().setSample(3, 4, 0, 1);
        png(dir.resolve("masks/a/x.png"), x);
        png(dir.resolve("masks/y.png"), new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY));
        convertsIntoReadmeLayout(
                data,
                "seg",
                "semantic-segmentation",
                "3 predictions",
                "masks",
                "--masks",
                dir.resolve("masks").toString());
    }

    @Test
    void classificationCsv_readmeLayout() throws Exception {
        Path data = data();
        Path csv = write("labels.csv", "filename,category\na/x.png,cat\ny.png,dog\n");
        convertsIntoReadmeLayout(
                data, "cls", "classification", "2 predictions", "classification-csv", "--csv", csv.toString());
    }

    @Test
    void probabilityMaps_readmeLayout() throws Exception {
        Path data = data();
        npy(dir.resolve("maps/a/x.npy"), 10, 20);
        npy(dir.resolve("maps/y.npy"), 6, 8);
        Path classes = write("classes.txt", "background\nroad\n");
        convertsIntoReadmeLayout(
                data,
                "probs",
                "semantic-segmentation",
                "2 predictions",
                "probability-maps",
                "--maps",
                dir.resolve("maps").toString(),
                "--categories",
                classes.toString());
    }

    /** A float32 map of 2 classes where class 0 wins every pixel. */
    private static void npy(Path file, int height, int width) throws Exception {
        ByteBuffer data = ByteBuffer.allocate(2 * height * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < height * width; i++) {
            data.putFloat(0.75f);
        }
        for (int i = 0; i < height * width; i++) {
            data.putFloat(0.25f);
        }
        StringBuilder header = new StringBuilder(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, " + height + ", " + width + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        bytes.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.write(data.array());
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void explicitInput_withOutputElsewhere_printsBothLocations() throws Exception {
        Path data = data();
        Path csv = write("labels.csv", "a/x.png,cat\ny.png,dog\n");
        Path results = dir.resolve("results");
        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--input",
                data.toString(),
                "--images",
                data.resolve("images").toString(),
                "--output",
                results.toString(),
                "--task",
                "cls");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .isEqualTo("Wrote 2 prediction files with 2 predictions to task 'cls' in " + results + ".\n"
                        + "Check it with: winnow validate --input " + data + " --output " + results + " --task cls\n");
        assertThat(Files.readString(results.resolve(".lightly/predictions/cls/images/y.json")))
                .isEqualTo("{\"file_name\":\"images/y.png\",\"predictions\":[{\"category_id\":1}]}\n");
        printedValidateCommandPasses("cls", "classification");
    }

    @Test
    void imagesOutsideTheOutput_areTheDatasource() throws Exception {
        Path data = data();
        Path images = data.resolve("images");
        Path csv = write("labels.csv", "a/x.png,cat\ny.png,dog\n");
        Path results = dir.resolve("results");
        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--images",
                images.toString(),
                "--output",
                results.toString(),
                "--task",
                "cls");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .isEqualTo("Wrote 2 prediction files with 2 predictions to task 'cls' in " + results + ".\n"
                        + "Sample names are paths inside --images " + images
                        + ", the datasource to validate and run on; pass --input to"
                        + " name a folder that holds it.\n"
                        + "Check it with: winnow validate --input " + images + " --output " + results
                        + " --task cls\n");
        printedValidateCommandPasses("cls", "classification");
    }

    @Test
    void imagesOutsideTheGivenInput_isAUsageError() throws Exception {
        Path data = data();
        Path other = Files.createDirectories(dir.resolve("other"));
        Path csv = write("labels.csv", "a/x.png,cat\n");
        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--input",
                other.toString(),
                "--images",
                data.resolve("images").toString(),
                "--output",
                data.toString(),
                "--task",
                "cls");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The folder " + data.resolve("images") + " given with --images is not inside"
                        + " the datasource " + other
                        + " given with --input; sample names are paths inside the datasource, so the images"
                        + " must be in it.\n");
        assertThat(data.resolve(".lightly")).doesNotExist();
    }

    @Test
    void pathWithASpace_isQuotedInThePrintedCommand() throws Exception {
        Path data = dir.resolve("my data");
        png(data.resolve("images/a/x.png"), new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
        png(data.resolve("images/y.png"), new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB));
        Path csv = write("labels.csv", "a/x.png,cat\ny.png,dog\n");
        assertThat(run(
                        "convert",
                        "classification-csv",
                        "--csv",
                        csv.toString(),
                        "--images",
                        data.resolve("images").toString(),
                        "--output",
                        data.toString(),
                        "--task",
                        "cls"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).endsWith("Check it with: winnow validate --input '" + data + "' --task cls\n");
    }
}
