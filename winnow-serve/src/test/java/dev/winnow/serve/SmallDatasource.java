package dev.winnow.serve;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A hand-made datasource small enough to know every answer: four images ({@code a.png},
 * {@code b.png}, {@code c/d.png}, and {@code e.png}, which is not an image), a detection task
 * {@code det} (car, dog) and a classification task {@code cls} (sunny, rainy), user metadata
 * {@code weather} and one complete run {@code r1} with two-dimensional embeddings.
 */
final class SmallDatasource {
    private SmallDatasource() {}

    static Path write(Path root) throws IOException {
        Path data = root.resolve("data");
        image(data.resolve("a.png"), 64, 48, Color.BLUE);
        image(data.resolve("b.png"), 64, 48, Color.GREEN);
        image(data.resolve("c/d.png"), 32, 32, Color.BLACK);
        write(data.resolve("e.png"), "this is not a picture");
        Path p = data.resolve(".lightly/predictions");
        write(p.resolve("tasks.json"), "[\"det\", \"cls\"]");
        write(
                p.resolve("det/schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"car\"},"
                        + " {\"id\": 1, \"name\": \"dog\"}]}");
        write(
                p.resolve("cls/schema.json"),
                "{\"task_type\": \"classification\", \"categories\": [{\"id\": 0, \"name\": \"sunny\"},"
                        + " {\"id\": 1, \"name\": \"rainy\"}]}");
        write(
                p.resolve("det/a.json"),
                "{\"file_name\": \"a.png\", \"predictions\": ["
                        + "{\"category_id\": 0, \"bbox\": [4, 4, 20, 10], \"score\": 0.9},"
                        + "{\"category_id\": 1, \"bbox\": [30, 20, 10, 10], \"score\": 0.3}]}");
        write(
                p.resolve("det/b.json"),
                "{\"file_name\": \"b.png\", \"predictions\": [{\"category_id\": 1, \"bbox\": [1, 1, "
                        + "30, 30], \"score\": 0.6}]}");
        write(
                p.resolve("det/c/d.json"),
                "{\"file_name\": \"c/d.png\", \"predictions\": [{\"category_id\": 0, \"bbox\": [2, 2, "
                        + "8, 8], \"score\": 0.2}]}");
        write(p.resolve("det/e.json"), "{\"file_name\": \"e.png\", \"predictions\": []}");
        write(
                p.resolve("cls/a.json"),
                "{\"file_name\": \"a.png\", \"predictions\": [{\"category_id\": 0, \"probabilities\": [0.8, 0.2]}]}");
        write(
                p.resolve("cls/b.json"),
                "{\"file_name\": \"b.png\", \"predictions\": [{\"category_id\": 1, \"probabilities\": [0.3, 0.7]}]}");
        write(
                p.resolve("cls/c/d.json"),
                "{\"file_name\": \"c/d.png\", \"predictions\": [{\"category_id\": 0, "
                        + "\"probabilities\": [0.55, 0.45]}]}");
        Path m = data.resolve(".lightly/metadata");
        write(
                m.resolve("schema.json"),
                "[{\"name\": \"Weather\", \"path\": \"weather\", \"valueDataType\": \"CATEGORICAL_STRING\"}]");
        write(
                m.resolve("a.json"),
                "{\"file_name\": \"a.png\", \"type\": \"image\", \"metadata\": {\"weather\": \"fog\"}}");
        write(
                m.resolve("b.json"),
                "{\"file_name\": \"b.png\", \"type\": \"image\", \"metadata\": {\"weather\": \"sun\"}}");
        write(
                m.resolve("c/d.json"),
                "{\"file_name\": \"c/d.png\", \"type\": \"image\", \"metadata\": {\"weather\": \"fog\"}}");
        Path run = data.resolve(".winnow/runs/r1");
        write(run.resolve("selected.txt"), "b.png\nc/d.png\n");
        write(
                run.resolve("embeddings.csv"),
                "filenames,embedding_0,embedding_1,labels\na.png,0,0,0\nb.png,10,0,0\nc/d.png,0,1,0\ne.png,10,1,0\n");
        write(run.resolve("run.complete"), "");
        // A file beside the datasource that no request may ever reach.
        write(root.resolve("secret.txt"), "SECRET-OUTSIDE");
        return data;
    }

    static void image(Path file, int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
