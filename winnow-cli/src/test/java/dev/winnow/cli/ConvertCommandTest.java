package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    private static final String COCO = """
            {"images": [{"id": 1, "file_name": "a/x.jpg", "width": 20, "height": 10},
                        {"id": 2, "file_name": "y.jpg", "width": 20, "height": 10}],
             "categories": [{"id": 0, "name": "cat"}],
             "annotations": [{"image_id": 1, "category_id": 0, "bbox": [1, 2, 3, 4]},
                             {"image_id": 5, "category_id": 0, "bbox": [1, 2, 3, 4]}]}
            """;

    /** The summary's line when neither --input nor --images says where the samples are. */
    private static final String SAMPLES_IN_OUTPUT =
            "Sample names are taken as paths inside the --output location %s; pass"
                    + " --input (the datasource) when the images are elsewhere.\n";

    /** Writes a COCO file named {@code name} in the test folder. */
    private Path cocoFile(String name, String json) throws Exception {
        Path coco = dir.resolve(name);
        Files.writeString(coco, json);
        return coco;
    }

    /** Converts {@code coco} into the task 'det' of {@code out/} in the test folder, with {@code more} options. */
    private int convertCoco(Path coco, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--task",
                "det"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void coco_convertsReportsSkippedAnnotationsAndExitsWith1() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        int exit = convertCoco(coco, "--default-score", "0");
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .isEqualTo("Wrote 2 prediction files with 1 prediction to task 'det' in " + output
                        + "; 1 item skipped.\n" + SAMPLES_IN_OUTPUT.formatted(output)
                        + "Check it with: winnow validate --input " + output
                        + " --task det\n");
        assertThat(err.toString())
                .isEqualTo("error C101 " + coco + " /annotations/1/image_id: The annotation refers to image"
                        + " id 5, which the images list does not have; it is skipped.\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/det/a/x.json")))
                .isEqualTo("{\"file_name\":\"a/x.jpg\",\"predictions\":[{\"category_id\":0,\"bbox\":[1,2,"
                        + "3,4],\"score\":0}]}\n");
    }

    @Test
    void coco_existingTaskAndBadTaskType_exit2() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        convertCoco(coco);
        err.getBuffer().setLength(0);
        assertThat(convertCoco(coco)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The task folder .lightly/predictions/det already exists in " + output
                        + "; pass --overwrite to replace it or choose another --task.\n");
        err.getBuffer().setLength(0);
        assertThat(run(
                        "convert",
                        "coco",
                        "--annotations",
                        coco.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "d2",
                        "--task-type",
                        "boxes"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: Unknown --task-type 'boxes'; convert coco writes object-detection,"
                        + " instance-segmentation, semantic-segmentation or keypoint-detection tasks.\n");
    }

    @Test
    void taskType_onlyTheTypesAConverterWrites() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        assertThat(convertCoco(coco, "--task-type", "classification")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: convert coco writes object-detection, instance-segmentation,"
                        + " semantic-segmentation or keypoint-detection tasks; it cannot write "
                        + "classification tasks.\n");
        err.getBuffer().setLength(0);
        Files.createDirectories(dir.resolve("xml"));
        assertThat(run(
                        "convert",
                        "voc",
                        "--annotations",
                        dir.resolve("xml").toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "v",
                        "--task-type",
                        "keypoint-detection"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: convert voc writes object-detection tasks only; it cannot write"
                        + " keypoint-detection tasks.\n");
        err.getBuffer().setLength(0);
        Path csv = cocoFile("labels.csv", "a.jpg,cat\n");
        assertThat(run(
                        "convert",
                        "classification-csv",
                        "--csv",
                        csv.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "c",
                        "--task-type",
                        "object-detection"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: convert classification-csv writes classification tasks only; it cannot"
                        + " write object-detection tasks.\n");
        assertThat(output).doesNotExist();
        assertThat(run("convert", "masks", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--task-type=TYPE The task type written: semantic-segmentation (the only one; "
                        + "any other is refused).");
    }

    @Test
    void yolo_segmentationLabels_kindSaidAndTaskTypeFollowsIt() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(
                new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("a.png").toFile());
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Files.writeString(labels.resolve("a.txt"), "0 0.125 0.25 0.625 0.25 0.625 0.875 0.125 0.875\n");
        Path classes = cocoFile("data.yaml", "names: [tree]\n");
        Path output = dir.resolve("out");
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
                        "seg"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("Read 1 label file: 1 with polygons (YOLO segmentation); writing an"
                        + " instance-segmentation task.\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/seg/schema.json")))
                .startsWith("{\"task_type\":\"instance-segmentation\"");
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
                        "c",
                        "--task-type",
                        "classification"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: convert yolo writes object-detection, instance-segmentation or"
                        + " keypoint-detection tasks; it cannot write classification tasks.\n");
    }

    @Test
    void masks_ignoreIndex_helpAndBadValue() throws Exception {
        Path masks = Files.createDirectories(dir.resolve("masks"));
        assertThat(run(
                        "convert",
                        "masks",
                        "--masks",
                        masks.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--task",
                        "m",
                        "--ignore-index",
                        "void"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: --ignore-index takes a class index (a whole number from 0) or none, not"
                        + " 'void'.\n");
        assertThat(run("convert", "masks", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--ignore-index=N|none Class index whose pixels belong to no"
                        + " class (default: 255, the void border of Pascal VOC masks, which its "
                        + "evaluation and common training tools"
                        + " ignore); none keeps every index as a class.");
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (var listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void coco_failingAtTheEnd_leavesNoStagedFiles() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        Files.createDirectories(output.resolve(".lightly/predictions"));
        Files.writeString(output.resolve(".lightly/predictions/tasks.json"), "{}");

        assertThat(convertCoco(coco)).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString())
                .isEqualTo("winnow: The existing .lightly/predictions/tasks.json in " + output
                        + " is not a JSON list of task names; fix or remove it so the task can be added.\n");
        assertThat(namesIn(output.resolve(".lightly/predictions"))).containsExactly("tasks.json");
    }

    @Test
    void coco_overwrite_leavesNoFileOfTheOldTask() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        convertCoco(coco);
        Path other = cocoFile("other.json", COCO.replace("a/x.jpg", "b/z.jpg"));
        out.getBuffer().setLength(0);

        assertThat(convertCoco(other, "--overwrite")).isEqualTo(ExitCodes.INVALID);

        assertThat(out.toString())
                .isEqualTo("Wrote 2 prediction files with 1 prediction to task 'det' in " + output
                        + "; 1 item skipped.\n" + SAMPLES_IN_OUTPUT.formatted(output)
                        + "Check it with: winnow validate --input " + output
                        + " --task det\n");
        assertThat(namesIn(output.resolve(".lightly/predictions"))).containsExactly("det", "tasks.json");
        assertThat(namesIn(output.resolve(".lightly/predictions/det"))).containsExactly("b", "schema.json", "y.json");
        assertThat(Files.readString(output.resolve(".lightly/predictions/det/b/z.json")))
                .isEqualTo("{\"file_name\":\"b/z.jpg\",\"predictions\":[{\"category_id\":0,\"bbox\":[1,2,"
                        + "3,4],\"score\":1}]}\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/tasks.json")))
                .isEqualTo("[\"det\"]\n");
    }

    @Test
    void exportCoco_resultsOfConvertedTask() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        convertCoco(coco);
        out.getBuffer().setLength(0);
        Path results = dir.resolve("results.json");
        int exit = run(
                "export",
                "coco",
                "--input",
                output.toString(),
                "--task",
                "det",
                "--out",
                results.toString(),
                "--results",
                "--coco-gt",
                coco.toString());
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("Wrote 1 annotation of 2 images to " + results + ".\n");
        assertThat(Files.readString(results))
                .isEqualTo("[\n{\"image_id\":1,\"category_id\":0,\"bbox\":[1,2,3,4],\"score\":1}\n]\n");
    }
}
