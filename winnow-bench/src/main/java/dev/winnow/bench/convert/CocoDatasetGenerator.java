package dev.winnow.bench.convert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a COCO object-detection dataset file for the conversion benchmark: {@code images} images
 * of 640x480 with flat names ({@code 000000000001.jpg}; the reference script cannot create
 * sub-folders), 80 categories, and 0 to 14 boxes per image (7 on average, so 100k images give
 * about 700k boxes) with coordinates of two decimals, inside the image. Seeded, so the same
 * arguments give the same file.
 *
 * <p>Usage: {@code CocoDatasetGenerator OUT_FILE IMAGES [SEED]}
 */
public final class CocoDatasetGenerator {
    private CocoDatasetGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CocoDatasetGenerator OUT_FILE IMAGES [SEED]");
            System.exit(2);
        }
        long boxes = write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.err.println("wrote " + args[1] + " images and " + boxes + " boxes to " + args[0]);
    }

    /** Writes the file and returns the number of boxes. */
    public static long write(Path file, int images, long seed) throws IOException {
        Random random = new Random(seed);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        long annotationId = 1;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"info\":{\"description\":\"generated for the conversion "
                    + "benchmark\"},\"licenses\":[],\n\"images\":[");
            for (int i = 1; i <= images; i++) {
                w.write((i > 1 ? ",\n" : "\n") + "{\"id\":" + i + ",\"file_name\":\"" + String.format("%012d", i)
                        + ".jpg\",\"width\":640,\"height\":480}");
            }
            w.write("],\n\"categories\":[");
            for (int c = 1; c <= 80; c++) {
                w.write((c > 1 ? "," : "") + "{\"id\":" + c + ",\"name\":\"class_" + c + "\",\"supercategory\":\"group_"
                        + (c - 1) / 10 + "\"}");
            }
            w.write("],\n\"annotations\":[");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 1; i <= images; i++) {
                int count = random.nextInt(15);
                for (int b = 0; b < count; b++) {
                    double bw = 1 + random.nextInt(30000) / 100.0;
                    double bh = 1 + random.nextInt(20000) / 100.0;
                    double x = Math.floor(random.nextDouble() * (640 - bw) * 100) / 100.0;
                    double y = Math.floor(random.nextDouble() * (480 - bh) * 100) / 100.0;
                    sb.setLength(0);
                    sb.append(annotationId > 1 ? ",\n" : "\n")
                            .append("{\"id\":")
                            .append(annotationId++)
                            .append(",\"image_id\":")
                            .append(i)
                            .append(",\"category_id\":")
                            .append(1 + random.nextInt(80))
                            .append(",\"bbox\":[")
                            .append(x)
                            .append(',')
                            .append(y)
                            .append(',')
                            .append(bw)
                            .append(',')
                            .append(bh)
                            .append("],\"area\":")
                            .append(Math.round(bw * bh * 100) / 100.0)
                            .append(",\"iscrowd\":0}");
                    w.append(sb);
                }
            }
            w.write("\n]}\n");
        }
        return annotationId - 1;
    }
}
