package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = WinnowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static final String COCO = """
            {"images": [{"id": 1, "file_name": "a/x.jpg", "width": 20, "height": 10},
                        {"id": 2, "file_name": "y.jpg", "width": 20, "height": 10}],
             "categories": [{"id": 0, "name": "cat"}],
             "annotations": [{"image_id": 1, "category_id": 0, "bbox": [1, 2, 3, 4]},
                             {"image_id": 5, "category_id": 0, "bbox": [1, 2, 3, 4]}]}
            """;

    /** Writes a COCO file named {@code name} in the test folder. */
    private Path cocoFile(String name, String json) throws Exception {
        Path coco = dir.resolve(name);
        Files.writeString(coco, json);
        return coco;
    }

    /** Converts {@code coco} into the task 'det' of {@code out/} in the test folder, with {@code more} options. */
    private int convertCoco(Path coco, String... more) {
        List<String> args = new ArrayList<>(List.of("convert", "coco", "--annotations", coco.toString(),
                "--output", dir.resolve("out").toString(), "--task", "det"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void coco_convertsReportsSkippedAnnotationsAndExitsWith1() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        int exit = convertCoco(coco, "--default-score", "0");
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString()).isEqualTo("Wrote 2 prediction files with 1 prediction to task 'det' in " + output
                + "; 1 item was skipped.\n");
        assertThat(err.toString()).isEqualTo("error C101 " + coco + " /annotations/1/image_id: The annotation refers to image"
                + " id 5, which the images list does not have; it is skipped.\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/det/a/x.json")))
                .isEqualTo("{\"file_name\":\"a/x.jpg\",\"predictions\":[{\"category_id\":0,\"bbox\":[1,2,3,4],\"score\":0}]}\n");
    }

    @Test
    void coco_existingTaskAndBadTaskType_exit2() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        convertCoco(coco);
        err.getBuffer().setLength(0);
        assertThat(convertCoco(coco)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: The task folder .lightly/predictions/det already exists in " + output
                + "; pass --overwrite to replace it or choose another --task.\n");
        err.getBuffer().setLength(0);
        assertThat(run("convert", "coco", "--annotations", coco.toString(), "--output", output.toString(), "--task", "d2",
                "--task-type", "boxes")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: Unknown --task-type 'boxes'; use one of classification, object-detection,"
                + " semantic-segmentation, instance-segmentation, keypoint-detection.\n");
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

        assertThat(err.toString()).isEqualTo("winnow: The existing .lightly/predictions/tasks.json in " + output
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

        assertThat(out.toString()).isEqualTo("Wrote 2 prediction files with 1 prediction to task 'det' in " + output
                + "; 1 item was skipped.\n");
        assertThat(namesIn(output.resolve(".lightly/predictions"))).containsExactly("det", "tasks.json");
        assertThat(namesIn(output.resolve(".lightly/predictions/det"))).containsExactly("b", "schema.json", "y.json");
        assertThat(Files.readString(output.resolve(".lightly/predictions/det/b/z.json")))
                .isEqualTo("{\"file_name\":\"b/z.jpg\",\"predictions\":[{\"category_id\":0,\"bbox\":[1,2,3,4],\"score\":1}]}\n");
        assertThat(Files.readString(output.resolve(".lightly/predictions/tasks.json"))).isEqualTo("[\"det\"]\n");
    }

    @Test
    void exportCoco_resultsOfConvertedTask() throws Exception {
        Path coco = cocoFile("coco.json", COCO);
        Path output = dir.resolve("out");
        convertCoco(coco);
        out.getBuffer().setLength(0);
        Path results = dir.resolve("results.json");
        int exit = run("export", "coco", "--input", output.toString(), "--task", "det", "--out", results.toString(), "--results",
                "--coco-gt", coco.toString());
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("Wrote 1 annotations of 2 images to " + results + ".\n");
        assertThat(Files.readString(results)).isEqualTo("[\n{\"image_id\":1,\"category_id\":0,\"bbox\":[1,2,3,4],\"score\":1}\n]\n");
    }
}
