package dev.winnow.cli;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.demo.DemoDataset;
import dev.winnow.run.RunFolder;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.run.datapool.ProcessedSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the tests that interrupt commands share: a demo dataset (read-only input; its predictions
 * are copied into each output), a COCO file to convert, run configurations, the commands, and how
 * an output looks to a user ({@link #observe}).
 */
final class CrashFixture {
    private static final String IMAGE_CONFIG = """
            {"selection": {"n_samples": 6, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_margin"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "seed": 7}
            """;
    private static final String OBJECT_CONFIG = """
            {"object_level": {"task_name": "shapes", "padding": 0.1},
             "selection": {"n_samples": 10, "strategies": [
              {"input": {"type": "EMBEDDINGS", "task": "shapes"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "PREDICTIONS", "task": "shapes", "name": "CATEGORY_COUNT"},
               "strategy": {"type": "BALANCE", "distribution": "UNIFORM"}}]},
             "seed": 7}
            """;

    final Path dir;
    /** The images, never written to. */
    final Path images;
    /** Half of the images, the same files: a first run sees these, the second all of them. */
    final Path firstImages;
    /** The images' {@code .lightly} folder, copied into every output. */
    final Path predictions;

    final Path coco;

    private CrashFixture(Path dir) {
        this.dir = dir;
        this.images = dir.resolve("images");
        this.firstImages = dir.resolve("first-images");
        this.predictions = dir.resolve("predictions");
        this.coco = dir.resolve("coco.json");
    }

    /** Generates {@code count} images and everything else in {@code dir}. */
    static CrashFixture create(Path dir, int count) throws IOException {
        CrashFixture f = new CrashFixture(dir);
        DemoDataset.generate(f.images, count, 64, 48, 11);
        Files.move(f.images.resolve(".lightly"), f.predictions);
        Files.writeString(dir.resolve("image.json"), IMAGE_CONFIG);
        Files.writeString(dir.resolve("object.json"), OBJECT_CONFIG);
        try (var files = Files.walk(f.images)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = f.images.relativize(file).toString();
                if (Math.floorMod(name.hashCode(), 2) == 0) {
                    Path copy = f.firstImages.resolve(name);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.writeString(f.coco, cocoFile(f.images));
        return f;
    }

    /** A COCO file with one to four boxes on every image but the first, which has 400. */
    private static String cocoFile(Path images) throws IOException {
        List<String> names;
        try (var files = Files.walk(images)) {
            names = files.map(p -> images.relativize(p).toString())
                    .filter(n -> n.endsWith(".jpg"))
                    .sorted()
                    .toList();
        }
        StringBuilder json = new StringBuilder("{\"images\": [");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\": ")
                    .append(i + 1)
                    .append(", \"file_name\": \"")
                    .append(names.get(i))
                    .append("\", \"width\": 64, \"height\": 48}");
        }
        json.append("], \"categories\": [{\"id\": 1, \"name\": \"disc\"}, {\"id\": 2, \"name\": \"square\"}],")
                .append(" \"annotations\": [");
        Random random = new Random(5);
        int id = 0;
        for (int i = 0; i < names.size(); i++) {
            // The first image has many boxes: its prediction file alone is over 16 KiB.
            for (int k = 0; k < (i == 0 ? 400 : 1 + i % 4); k++) {
                json.append(id == 0 ? "" : ",")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"id\": %d, \"image_id\": %d, \"category_id\": %d, \"bbox\": [%d, %d, %d, %d],"
                                        + " \"score\": %.3f}",
                                ++id,
                                i + 1,
                                1 + random.nextInt(2),
                                random.nextInt(30),
                                random.nextInt(20),
                                4 + random.nextInt(30),
                                4 + random.nextInt(24),
                                0.05 + 0.9 * random.nextDouble()));
            }
        }
        return json.append("]}").toString();
    }

    /** {@code winnow convert coco} of the COCO file into {@code out} as the task {@code boxes}. */
    List<String> convert(String out) {
        return List.of(
                "convert",
                "coco",
                "--annotations",
                coco.toString(),
                "--input",
                images.toString(),
                "--output",
                out,
                "--task",
                "boxes");
    }

    /** The first image-level run ({@code first}), over half of the images. */
    List<String> firstRun(String out) {
        return run(firstImages, "image.json", "first", out);
    }

    /** The second image-level run ({@code second}), over all images: half of them new to the datapool. */
    List<String> secondRun(String out) {
        return run(images, "image.json", "second", out);
    }

    /** An object-level run ({@code objects}) over the boxes of the task {@code shapes}. */
    List<String> objectRun(String out) {
        return run(images, "object.json", "objects", out);
    }

    private List<String> run(Path input, String config, String runId, String out) {
        return List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                out,
                "--config",
                dir.resolve(config).toString(),
                "--run-id",
                runId,
                "--threads",
                "2");
    }

    /**
     * What a user sees of an output: validate's report and exit code, the runs that are complete
     * (each with its list of files), and each datapool as the next run reads it, whole (samples,
     * embeddings, selections).
     */
    record State(String validate, Map<String, List<String>> runs, Map<String, String> datapools) {}

    State observe(Datasource output, String location) throws IOException {
        Finished validate = Finished.inProcess(List.of("validate", "--input", images.toString(), "--output", location));
        Map<String, List<String>> runs = new TreeMap<>();
        Path state = Files.createTempDirectory(dir, "state");
        for (String path : output.list(".winnow")) {
            // A hidden folder is a run still being built, never read as a run.
            if (path.startsWith(".winnow/runs/")
                    && path.endsWith("/" + RunFolder.COMPLETE)
                    && !path.startsWith(".winnow/runs/.")) {
                String run = path.substring(0, path.length() - RunFolder.COMPLETE.length() - 1);
                List<String> files = new ArrayList<>();
                for (String file : output.list(run)) {
                    files.add(file.substring(run.length() + 1));
                }
                runs.put(run, files);
            }
            // The datapools and the runs' markers, as a run into this output copies them to read them.
            if (!path.startsWith(".winnow/runs/") || path.endsWith("/" + RunFolder.COMPLETE)) {
                Path copy = state.resolve(path);
                Files.createDirectories(copy.getParent());
                Files.write(copy, output.readAllBytes(path, 1 << 26));
            }
        }
        Map<String, String> datapools = new TreeMap<>();
        Path winnow = state.resolve(".winnow");
        if (Files.isDirectory(winnow)) {
            List<Path> pools;
            try (var walk = Files.walk(winnow)) {
                pools = walk.filter(p -> p.getFileName().toString().equals(Datapool.FOLDER))
                        .map(Path::getParent)
                        .toList();
            }
            // A pool folder holding only a generation no completed run counts loads as Datapool.empty(), which is
            // what no pool at all loads as: a run killed after staging it leaves the state as it was.
            String nothing = text(Datapool.empty());
            for (Path parent : pools) {
                String pool = text(Datapool.load(parent, RunFolder.completedIn(winnow)));
                if (!pool.equals(nothing)) {
                    datapools.put(winnow.relativize(parent).toString(), pool);
                }
            }
        }
        LocalTrees.delete(state);
        String report = (validate.exit() + "\n" + validate.out() + validate.err()).replace(location, "OUT");
        return new State(report, runs, datapools);
    }

    private static String text(Datapool pool) {
        StringBuilder text = new StringBuilder(pool.embedderId() + " " + pool.dimension() + "\n");
        for (int i = 0; i < pool.sampleCount(); i++) {
            ProcessedSample sample = pool.samples().get(i);
            text.append(sample.name())
                    .append(' ')
                    .append(sample.size())
                    .append(' ')
                    .append(sample.lastModifiedMillis())
                    .append(' ')
                    .append(Arrays.toString(pool.embedding(i)))
                    .append('\n');
        }
        return text.append("selected: ").append(pool.selected()).toString();
    }

    /** The files below {@code prefix} of {@code output}, by path. */
    static Map<String, byte[]> files(Datasource output, String prefix) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : output.list(prefix)) {
            files.put(path, output.readAllBytes(path, 1 << 26));
        }
        return files;
    }

    /** Whether {@code tasks.json} of {@code output} lists the task {@code boxes}. */
    static boolean listsBoxes(Datasource output) throws IOException {
        return output.stat(".lightly/predictions/tasks.json").isPresent()
                && new String(output.readAllBytes(".lightly/predictions/tasks.json", 1 << 20), StandardCharsets.UTF_8)
                        .contains("\"boxes\"");
    }

    /** Copies a folder, keeping the files' modification times (a datapool compares them). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
