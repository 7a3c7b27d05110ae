package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code winnow export coco} over a small demo datasource (images and a video): sizes read from the
 * input, frames from their video, what COCO cannot hold counted, and mistakes with --out and
 * --output said in one sentence.
 */
class ExportCocoCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path demo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Finished.runInto(out, err, args);
    }

    /** 4 images and a 5-frame video of 64 x 48 pixels with the demo's three tasks. */
    @BeforeEach
    void demo() throws Exception {
        demo = dir.resolve("demo");
        DemoDataset.generate(demo, 4, 64, 48, 7);
        DemoDataset.generateVideo(demo, 5, 64, 48, 7);
    }

    /** How many predictions of the task's files carry probabilities. */
    private long predictionsWithProbabilities(Path location, String task) throws Exception {
        long n = 0;
        try (Stream<Path> files = Files.walk(location.resolve(".lightly/predictions/" + task))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("schema.json")
                            && f.toString().endsWith(".json"))
                    .toList()) {
                for (JsonNode p : JSON.readTree(file.toFile()).get("predictions")) {
                    n += p.has("probabilities") ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void segmentationOfImagesAndFrames_getsEverySizeFromTheInput() throws Exception {
        Path coco = dir.resolve("regions.json");

        int exit = run("export", "coco", "--input", demo.toString(), "--task", "regions", "--out", coco.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode written = JSON.readTree(coco.toFile());
        List<String> images = new ArrayList<>();
        for (JsonNode image : written.get("images")) {
            images.add(image.get("file_name").asString() + " "
                    + image.get("width").asInt() + "x" + image.get("height").asInt());
        }
        assertThat(images)
                .containsExactly(
                        "images/shapes-0.jpg 64x48",
                        "images/shapes-1.jpg 64x48",
                        "images/shapes-2.jpg 64x48",
                        "images/shapes-3.jpg 64x48",
                        "videos/drive-0-mp4.png 64x48",
                        "videos/drive-1-mp4.png 64x48",
                        "videos/drive-2-mp4.png 64x48",
                        "videos/drive-3-mp4.png 64x48",
                        "videos/drive-4-mp4.png 64x48");
        int annotations = written.get("annotations").size();
        long probabilities = predictionsWithProbabilities(demo, "regions");
        assertThat(probabilities).isPositive();
        assertThat(out.toString())
                .isEqualTo("Wrote " + annotations + " annotations of 9 images to " + coco + ".\n"
                        + "COCO has no field for probabilities: those of " + probabilities
                        + " predictions were dropped.\n");
    }

    @Test
    void detection_hasWidthAndHeightWithoutImagesOption_andClassificationIsCounted() throws Exception {
        Path coco = dir.resolve("shapes.json");
        assertThat(run("export", "coco", "--input", demo.toString(), "--task", "shapes", "--out", coco.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        for (JsonNode image : JSON.readTree(coco.toFile()).get("images")) {
            assertThat(image.get("width").asInt()).as(image.toString()).isEqualTo(64);
            assertThat(image.get("height").asInt()).as(image.toString()).isEqualTo(48);
        }

        Path classes = dir.resolve("classes.json");
        assertThat(run(
                        "export",
                        "coco",
                        "--input",
                        demo.toString(),
                        "--task",
                        "shape-class",
                        "--out",
                        classes.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .isEqualTo("Wrote 9 annotations of 9 images to " + classes + ".\n"
                        + "COCO has no field for probabilities: those of "
                        + predictionsWithProbabilities(demo, "shape-class")
                        + " predictions were dropped.\n"
                        + "COCO has no image-level labels: 9 classification predictions became "
                        + "annotations without a box.\n");
    }

    @Test
    void predictionsElsewhere_newOptionsAndTheOlderOnesWriteTheSameFile() throws Exception {
        // The predictions in a location of their own, the images and video left in the demo folder.
        Path predictions = dir.resolve("predictions");
        Files.createDirectories(predictions);
        Files.move(demo.resolve(".lightly"), predictions.resolve(".lightly"));
        Path viaOutput = dir.resolve("new.json");
        Path viaImages = dir.resolve("old.json");

        assertThat(run(
                        "export",
                        "coco",
                        "--input",
                        demo.toString(),
                        "--output",
                        predictions.toString(),
                        "--task",
                        "regions",
                        "--out",
                        viaOutput.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(run(
                        "export",
                        "coco",
                        "--input",
                        predictions.toString(),
                        "--images",
                        demo.toString(),
                        "--task",
                        "regions",
                        "--out",
                        viaImages.toString()))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);

        assertThat(Files.readString(viaImages))
                .isEqualTo(Files.readString(viaOutput))
                .contains("\"width\":64,\"height\":48");
    }

    @Test
    void framesWithoutTheirVideo_sayWhyTheMasksCannotBeExported() throws Exception {
        Files.delete(demo.resolve(DemoDataset.VIDEO));
        Path coco = dir.resolve("regions.json");

        int exit = run("export", "coco", "--input", demo.toString(), "--task", "regions", "--out", coco.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        List<String> lines = err.toString().lines().toList();
        // Five files with one problem: one line with the count and the first places.
        assertThat(lines)
                .containsExactly("error C109 (5 times): Masks to export need their image's size, which is not known;"
                        + " the file is skipped. First at .lightly/predictions/regions/videos/drive-0-mp4.json,"
                        + " .lightly/predictions/regions/videos/drive-1-mp4.json, "
                        + ".lightly/predictions/regions/videos/drive-2-mp4.json;"
                        + " the first says: The masks of 'videos/drive-0-mp4.png' need the image's size, but the input "
                        + demo
                        + " has no image or video frame of that name. The file is left out.");
        Matcher wrote = Pattern.compile("Wrote [0-9]+ annotations of 4 images to .*; 5 files left out\\.\n(.|\n)*")
                .matcher(out.toString());
        assertThat(wrote.matches()).as(out.toString()).isTrue();
    }

    @Test
    void outIsAFolder_isAUsageError() {
        int exit = run("export", "coco", "--input", demo.toString(), "--task", "regions", "--out", demo.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: --out " + demo + " is a folder; give the COCO file to write, such as "
                        + demo.resolve("regions.json") + ".\n");
    }

    @Test
    void outBelowAFile_isAUsageError() throws Exception {
        Path runJson = Files.writeString(demo.resolve("run.json"), "{}");
        Path out = runJson.resolve("x.json");

        int exit = run("export", "coco", "--input", demo.toString(), "--task", "regions", "--out", out.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo(
                        "winnow: --out " + out + " cannot be written: " + runJson + " is a file, not a" + " folder.\n");
    }

    @Test
    void outputGivenWhereOutWasMeant_saysWhichOptionIsWhich() {
        int exit = run("export", "coco", "--input", demo.toString(), "--task", "regions", "--output", "x.json");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: --output names the location that holds .lightly/predictions, and the COCO"
                        + " file to write is given with --out: did you mean --out x.json?\n");
        assertThat(run("export", "coco", "--input", demo.toString(), "--task", "regions"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: Missing the COCO file to write: give it with --out FILE.\n");
    }

    @Test
    void missingInput_isAUsageErrorInOneSentence() {
        Path missing = dir.resolve("nope");
        int exit = run("export", "coco", "--input", missing.toString(), "--task", "regions", "--out", "x.json");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: The folder " + missing + " given with --input does not exist.\n");
    }
}
