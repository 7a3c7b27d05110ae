package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversions that convert nothing, folders left by killed conversions, and input folders that are not there. */
class ConvertMistakesTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Finished.runInto(out, err, args);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (var listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** No task folder, no tasks.json, no staged file: at most the empty predictions folder. */
    private static void nothingPublished(Path output) throws Exception {
        Path predictions = output.resolve(".lightly/predictions");
        assertThat(Files.exists(predictions) ? namesIn(predictions) : List.of()).isEmpty();
    }

    @Test
    void everyLineSkipped_publishesNothingAndExits1_soTheNextAttemptIsNotRefused() throws Exception {
        Path categories = write("classes.txt", "cat\ndog\n");
        Path bad = write("bad.csv", "a.png,cow\nb.png,horse\n");
        Path output = dir.resolve("out");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                bad.toString(),
                "--categories",
                categories.toString(),
                "--output",
                output.toString(),
                "--task",
                "cls");

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .isEqualTo("Nothing was converted: 2 items skipped, none converted, so task 'cls' was not"
                        + " written to " + output + ".\n");
        assertThat(err.toString())
                .isEqualTo("error C502 bad.csv:1:1: Line 1: The category 'cow' is not in the categories "
                        + "file. The line is skipped.\n"
                        + "error C502 bad.csv:2:1: Line 2: The category 'horse' is not in the "
                        + "categories file. The line is skipped.\n");
        nothingPublished(output);

        Path good = write("good.csv", "a.png,cat\nb.png,dog\n");
        assertThat(run(
                        "convert",
                        "classification-csv",
                        "--csv",
                        good.toString(),
                        "--categories",
                        categories.toString(),
                        "--output",
                        output.toString(),
                        "--task",
                        "cls"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(namesIn(output.resolve(".lightly/predictions"))).containsExactly("cls", "tasks.json");
    }

    @Test
    void filesWrittenButEveryBoxSkipped_publishesNothing() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        ImageIO.write(
                new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("x.png").toFile());
        write("labels/x.txt", "7 0.5 0.5 0.5 0.5\n");
        Path classes = write("classes.txt", "thing\n");
        Path output = dir.resolve("out");

        int exit = run(
                "convert",
                "yolo",
                "--labels",
                dir.resolve("labels").toString(),
                "--images",
                images.toString(),
                "--classes",
                classes.toString(),
                "--output",
                output.toString(),
                "--task",
                "det");

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .isEqualTo("Read 1 label file: 1 with boxes (YOLO detection); writing an object-detection"
                        + " task.\nNothing was converted: 1 item skipped, none converted, so task 'det' was not"
                        + " written to " + output + ".\n");
        nothingPublished(output);
    }

    @Test
    void cocoWhoseEveryAnnotationIsSkipped_publishesNothing() throws Exception {
        Path coco = write("coco.json", """
                {"images": [{"id": 1, "file_name": "x.png", "width": 8, "height": 6}],
                 "categories": [{"id": 1, "name": "cat"}],
                 "annotations": [{"image_id": 1, "category_id": 9, "bbox": [1, 2, 3, 4]}]}
                """);
        Path output = dir.resolve("out");

        int exit = run(
                "convert", "coco", "--annotations", coco.toString(), "--output", output.toString(), "--task", "det");

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .isEqualTo("Nothing was converted: 1 item skipped, none converted, so task 'det' was not"
                        + " written to " + output + ".\n");
        nothingPublished(output);
    }

    @Test
    void noInputItems_publishesNothing() throws Exception {
        Path empty = write("empty.csv", "filename,category\n");
        Path output = dir.resolve("out");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                empty.toString(),
                "--output",
                output.toString(),
                "--task",
                "cls");

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .isEqualTo("Nothing was converted: the input has nothing to convert, so task 'cls' was not"
                        + " written to " + output + ".\n");
        nothingPublished(output);
    }

    /** The host part of a staging folder's name, as conversions on this machine write it. */
    private static String host() throws Exception {
        String safe = InetAddress.getLocalHost()
                .getHostName()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.-]", "-");
        return safe.length() > 63 ? safe.substring(0, 63) : safe;
    }

    @Test
    void stagingFolderOfAKilledConversion_isRemovedByTheNext_andOthersAreKept() throws Exception {
        Path output = dir.resolve("out");
        Path predictions = output.resolve(".lightly/predictions");
        // No process can have this id (above every system's limit), so its conversion is proven gone.
        String dead = ".cls.staging-1a2b.p999999999-t1700000000000-h" + host();
        write("out/.lightly/predictions/" + dead + "/a/x.json", "{\"file_name\": \"a/x.png\"}");
        // This very process, started when it was: alive, so its folder stays.
        ProcessHandle self = ProcessHandle.current();
        String alive = ".det.staging-3c4d.p" + self.pid() + "-t"
                + self.info().startInstant().orElseThrow().toEpochMilli() + "-h" + host();
        write("out/.lightly/predictions/" + alive + "/y.json", "{}");
        // This process's id with another start time: an earlier process that had the same id, gone.
        String reused = ".cls.staging-9c0d.p" + self.pid() + "-t1-h" + host();
        write("out/.lightly/predictions/" + reused + "/v.json", "{}");
        // Another machine's process cannot be checked from here, nor can a folder without its owner in the name.
        String elsewhere = ".cls.staging-5e6f.p999999999-t1700000000000-hsomewhere-else";
        write("out/.lightly/predictions/" + elsewhere + "/z.json", "{}");
        write("out/.lightly/predictions/.cls.staging-7a8b/w.json", "{}");
        Path csv = write("labels.csv", "a/x.png,cat\n");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--output",
                output.toString(),
                "--task",
                "cls");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("Removed .lightly/predictions/" + dead + ", left by a conversion that stopped"
                        + " unfinished (process 999999999 on " + host() + " is gone).\n"
                        + "Removed .lightly/predictions/" + reused
                        + ", left by a conversion that stopped unfinished (process "
                        + self.pid() + " on " + host() + " is gone).\n"
                        + "Wrote 1 prediction file with 1 prediction to task 'cls' in " + output + ".\n");
        assertThat(namesIn(predictions)).containsExactly(elsewhere, ".cls.staging-7a8b", alive, "cls", "tasks.json");
    }

    @Test
    void missingInputFolder_isAUsageErrorInOneSentence() throws Exception {
        Path classes = write("classes.txt", "thing\n");
        Files.createDirectories(dir.resolve("images"));

        int exit = run(
                "convert",
                "yolo",
                "--labels",
                dir.resolve("nolabels").toString(),
                "--images",
                dir.resolve("images").toString(),
                "--classes",
                classes.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--task",
                "det");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The folder " + dir.resolve("nolabels") + " given with --labels does not"
                        + " exist.\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void inputFolderThatIsAFile_isAUsageError() throws Exception {
        Path csv = write("labels.csv", "a/x.png,cat\n");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--input",
                csv.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--task",
                "cls");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: " + csv + " given with --input is a file; it must be a folder.\n");
    }

    @Test
    void outputBelowAFile_isAUsageError() throws Exception {
        Path csv = write("labels.csv", "a/x.png,cat\n");

        int exit = run(
                "convert",
                "classification-csv",
                "--csv",
                csv.toString(),
                "--output",
                csv.resolve("out").toString(),
                "--task",
                "cls");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The --output location " + csv.resolve("out") + " cannot be a folder: it"
                        + " or one of its parents is a file.\n");
    }
}
