package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text inputs saved with a UTF-8 byte-order mark (Excel, Notepad) convert as without one. */
class ConvertByteOrderMarkTest {
    private static final String BOM = "\uFEFF";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Finished.runInto(out, err, args);
    }

    /** Writes {@code text} after a byte-order mark, as UTF-8. */
    private Path withBom(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, (BOM + text).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private String task(String task, String file) throws Exception {
        return Files.readString(dir.resolve("out/.lightly/predictions/" + task + "/" + file));
    }

    private Path images() throws Exception {
        Path images = dir.resolve("out/images");
        Files.createDirectories(images);
        ImageIO.write(
                new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("x.png").toFile());
        return images;
    }

    @Test
    void classificationCsv_headerAndCategoriesFile() throws Exception {
        Path csv = withBom("labels.csv", "filename,category\nx.png,1\n");
        Path categories = withBom("classes.txt", "cat\ndog\n");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--categories",
                categories.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--task",
                "cls");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(task("cls", "schema.json"))
                .isEqualTo("{\"task_type\":\"classification\",\"categories\":"
                        + "[{\"id\":0,\"name\":\"cat\"},{\"id\":1,\"name\":\"dog\"}]}\n");
        assertThat(task("cls", "x.json"))
                .isEqualTo("{\"file_name\":\"x.png\",\"predictions\":[{\"category_id\":1}]}\n");
    }

    @Test
    void yolo_labelFileAndDataYaml() throws Exception {
        Path images = images();
        withBom("labels/x.txt", "1 0.5 0.5 0.5 0.5\n");
        Path yaml = withBom("data.yaml", "names: [cat, dog]\n");

        int exit = run(
                "convert",
                "yolo",
                "--labels",
                dir.resolve("labels").toString(),
                "--images",
                images.toString(),
                "--classes",
                yaml.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--task",
                "yolo");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(task("yolo", "images/x.json"))
                .isEqualTo("{\"file_name\":\"images/x.png\",\"predictions\":"
                        + "[{\"category_id\":1,\"bbox\":[5,2.5,10,5],\"score\":1}]}\n");
        assertThat(task("yolo", "schema.json")).contains("{\"id\":0,\"name\":\"cat\"}");
    }

    @Test
    void vocXmlCocoJsonAndTheCategoryFilesBesideThem() throws Exception {
        Path images = images();
        withBom(
                "xml/x.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation><filename>x.png</filename><object>"
                        + "<name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>4</xmax><ymax>3</"
                        + "ymax></bndbox></object></annotation>");
        Path categories = withBom("voc.txt", "cat\n");
        assertThat(run(
                        "convert",
                        "voc",
                        "--annotations",
                        dir.resolve("xml").toString(),
                        "--images",
                        images.toString(),
                        "--categories",
                        categories.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--task",
                        "voc"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(task("voc", "images/x.json"))
                .isEqualTo("{\"file_name\":\"images/x.png\",\"predictions\":"
                        + "[{\"category_id\":0,\"bbox\":[0,0,4,3],\"score\":1}]}\n");

        BufferedImage mask = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        Files.createDirectories(dir.resolve("masks"));
        ImageIO.write(mask, "png", dir.resolve("masks/x.png").toFile());
        Path palette = withBom("palette.txt", "0 road\n");
        assertThat(run(
                        "convert",
                        "masks",
                        "--masks",
                        dir.resolve("masks").toString(),
                        "--images",
                        images.toString(),
                        "--palette",
                        palette.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--task",
                        "seg"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(task("seg", "schema.json"))
                .isEqualTo("{\"task_type\":\"semantic-segmentation\",\"categories\":"
                        + "[{\"id\":0,\"name\":\"road\"}]}\n");

        Path coco = withBom(
                "coco.json",
                "{\"images\": [{\"id\": 1, \"file_name\": \"x.png\", \"width\": 20, \"height\": 10}],"
                        + " \"categories\": [{\"id\": 1, \"name\": \"cat\"}],"
                        + " \"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}]}");
        assertThat(run(
                        "convert",
                        "coco",
                        "--annotations",
                        coco.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--task",
                        "det"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(task("det", "x.json"))
                .isEqualTo("{\"file_name\":\"x.png\",\"predictions\":"
                        + "[{\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":1}]}\n");
    }
}
