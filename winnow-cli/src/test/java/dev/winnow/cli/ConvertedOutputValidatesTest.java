package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every converter's output passes {@code winnow validate} with zero errors. */
class ConvertedOutputValidatesTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Finished.runInto(out, err, args);
    }

    private Path images() throws Exception {
        Path images = dir.resolve("images");
        png(images.resolve("a/x.png"), 20, 10, BufferedImage.TYPE_INT_RGB);
        png(images.resolve("y.png"), 8, 6, BufferedImage.TYPE_INT_RGB);
        return images;
    }

    private static void png(Path file, int w, int h, int type) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(w, h, type), "png", file.toFile());
    }

    private void assertValid(Path images, Path output, String task) {
        int exit = run("validate", "--input", images.toString(), "--output", output.toString(), "--task", task);
        assertThat(out.toString()).contains("The predictions are valid.").doesNotContain("error ");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void coco_instanceSegmentation() throws Exception {
        Path images = images();
        Path coco = dir.resolve("coco.json");
        Files.writeString(coco, """
                {"images": [{"id": 1, "file_name": "a/x.png", "width": 20, "height": 10},
                            {"id": 2, "file_name": "y.png", "width": 8, "height": 6}],
                 "categories": [{"id": 3, "name": "thing", "supercategory": "stuff"}],
                 "annotations": [{"image_id": 1, "category_id": 3, "bbox": [2, 1, 5, 4], "score": 0.5,
                                  "segmentation": [[2, 1, 7, 1, 7, 5, 2, 5]]},
                                 {"image_id": 2, "category_id": 3, "segmentation": {"size": [6, 8], "counts": \
                "d08d0"}}]}
                """);
        Path output = dir.resolve("out");
        assertThat(run(
                        "convert",
                        "coco",
                        "--annotations",
                        coco.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "inst",
                        "--task-type",
                        "instance-segmentation"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertValid(images, output, "inst");
        Path back = dir.resolve("back.json");
        assertThat(run(
                        "export",
                        "coco",
                        "--input",
                        output.toString(),
                        "--task",
                        "inst",
                        "--out",
                        back.toString(),
                        "--images",
                        images.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(back)).contains("\"file_name\":\"a/x.png\",\"width\":20,\"height\":10");
    }

    @Test
    void staleStagingFoldersOfKilledConversions_areNotRead() throws Exception {
        Path images = images();
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "a/x.png,cat\ny.png,dog\n");
        Path output = dir.resolve("out");
        assertThat(run(
                        "convert",
                        "classification-csv",
                        "--csv",
                        csv.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "cls"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        // What a conversion killed before publishing leaves: hidden folders beside the tasks, one of a task nested in
        // cls.
        Path predictions = output.resolve(".lightly/predictions");
        Files.createDirectories(predictions.resolve(".cls.staging-1a2b/a"));
        Files.writeString(predictions.resolve(".cls.staging-1a2b/a/x.json"), "{not json");
        Files.createDirectories(predictions.resolve(".cls.inner.staging-3c4d"));
        Files.writeString(
                predictions.resolve(".cls.inner.staging-3c4d/orphan.json"), "{\"file_name\": \"orphan.png\"}");

        int exit = run("validate", "--input", images.toString(), "--output", output.toString(), "--task", "cls");

        // The two files of cls and nothing of the hidden folders.
        assertThat(out.toString()).isEqualTo("""
                task cls (classification): 2 files checked, 2 valid, 0 invalid, 0 samples without predictions
                summary: 1 task, 2 files checked, 2 valid, 0 invalid, 0 errors, 0 warnings, 0 samples without \
                predictions (of 2 samples: 2 images).
                The predictions are valid.
                """);
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void yolo_voc_csv_masks_onRealImages() throws Exception {
        Path shared = SampleMedia.folder();
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("street"));
        Files.copy(shared.resolve("street/home.jpg"), images.resolve("street/home.jpg")); // 512x384
        Files.copy(shared.resolve("pic3.png"), images.resolve("pic3.png")); // 400x300
        Path output = dir.resolve("out");

        Path labels = dir.resolve("labels");
        Files.createDirectories(labels.resolve("street"));
        Files.writeString(labels.resolve("street/home.txt"), "0 0.5 0.5 0.25 0.5 0.9\n1 0.01 0.01 0.2 0.2\n");
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "door\nwindow\n");
        assertThat(run(
                        "convert",
                        "yolo",
                        "--labels",
                        labels.toString(),
                        "--images",
                        images.toString(),
                        "--classes",
                        classes.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "yolo"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertValid(images, output, "yolo");

        Path xml = dir.resolve("xml");
        Files.createDirectories(xml);
        Files.writeString(
                xml.resolve("pic3.xml"),
                "<annotation><filename>pic3.png</filename><object><name>cat</name><bndbox>"
                        + "<xmin>1</xmin><ymin>1</ymin><xmax>400</xmax><ymax>300</ymax></bndbox></object>"
                        + "</annotation>");
        assertThat(run(
                        "convert",
                        "voc",
                        "--annotations",
                        xml.toString(),
                        "--images",
                        images.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "voc"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertValid(images, output, "voc");

        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "street/home.jpg,indoor,0.25,0.75\npic3.png,outdoor,0,1\n");
        assertThat(run(
                        "convert",
                        "classification-csv",
                        "--csv",
                        csv.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "cls"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertValid(images, output, "cls");

        Path masks = dir.resolve("masks");
        BufferedImage mask = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 100; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                mask.getRaster().setSample(x, y, 0, 1 + x / 200);
            }
        }
        png(masks.resolve("dummy"), 1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Files.delete(masks.resolve("dummy"));
        ImageIO.write(mask, "png", masks.resolve("pic3.png").toFile());
        assertThat(run(
                        "convert",
                        "masks",
                        "--masks",
                        masks.toString(),
                        "--images",
                        images.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "sem"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("Wrote 1 prediction file with 3 predictions to task 'sem' in " + output + ".\n");
        assertValid(images, output, "sem");
        assertThat(Files.readString(output.resolve(".lightly/predictions/tasks.json")))
                .isEqualTo("[\"yolo\",\"voc\",\"cls\",\"sem\"]\n");
    }

    @Test
    void probabilityMaps_logitsWithSoftmax() throws Exception {
        Path images = images();
        Path maps = dir.resolve("maps");
        Files.createDirectories(maps.resolve("a"));
        // y.png is 8x6: a 2 x 6 x 8 logit map where class 1 wins the right half.
        ByteBuffer data = ByteBuffer.allocate(2 * 6 * 8 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 8; x++) {
                    data.putFloat(c == 1 && x >= 4 ? 3f : (c == 0 ? 1f : -2f));
                }
            }
        }
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 6, 8), }";
        StringBuilder padded = new StringBuilder(header);
        while ((10 + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) padded.length(), 0});
        npy.write(padded.toString().getBytes(StandardCharsets.ISO_8859_1));
        npy.write(data.array());
        Files.write(maps.resolve("y.npy"), npy.toByteArray());
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "background\nroad\n");
        Path output = dir.resolve("out");
        assertThat(run(
                        "convert",
                        "probability-maps",
                        "--maps",
                        maps.toString(),
                        "--images",
                        images.toString(),
                        "--categories",
                        classes.toString(),
                        "--softmax",
                        "--output",
                        output.toString(),
                        "--task",
                        "seg"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .isEqualTo("Wrote 1 prediction file with 2 predictions to task 'seg' in " + output + ".\n"
                        + "Sample names are paths inside --images " + images
                        + ", the datasource to validate and run on; pass --input to"
                        + " name a folder that holds it.\n"
                        + "Check it with: winnow validate --input " + images + " --output " + output + " --task seg\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/seg/y.json")))
                .startsWith("{\"file_name\":\"y.png\",\"predictions\":[{\"category_id\":0,"
                        + "\"segmentation\":[0,4,4,4,4,4,4,4,4,4,4,4,4]");
        assertValid(images, output, "seg");
    }
}
