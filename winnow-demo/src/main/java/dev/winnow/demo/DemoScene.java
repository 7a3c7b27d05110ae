package dev.winnow.demo;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One generated demo image before it is drawn: a background and a few shapes, each a circle,
 * square or triangle with a colour and a position. Membership of a pixel in a shape is computed
 * exactly, so drawing and the segmentation masks agree pixel for pixel.
 */
record DemoScene(int width, int height, Background background, List<Shape> shapes) {

    static final List<String> CLASSES = List.of("circle", "square", "triangle");

    enum BackgroundKind {
        PLAIN,
        GRADIENT,
        STRIPES,
        CHECKS,
        NOISE
    }

    record Background(BackgroundKind kind, int colourA, int colourB, int period) {
        /** The background's RGB at a pixel; {@code noise} supplies the per-pixel variation of NOISE. */
        int rgb(int x, int y, int noise) {
            return switch (kind) {
                case PLAIN -> colourA;
                case GRADIENT -> mix(colourA, colourB, (x + y) / (double) (period * 2));
                case STRIPES -> ((x + y) / period) % 2 == 0 ? colourA : colourB;
                case CHECKS -> ((x / period) + (y / period)) % 2 == 0 ? colourA : colourB;
                case NOISE -> mix(colourA, colourB, (noise & 0xff) / 255.0);
            };
        }
    }

    /** A shape: {@code kind} indexes {@link #CLASSES}; centre, half-size and colour in pixels and RGB. */
    record Shape(int kind, double cx, double cy, double half, int rgb) {
        boolean contains(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return switch (kind) {
                case 0 -> dx * dx + dy * dy <= half * half;
                case 1 -> Math.abs(dx) <= half && Math.abs(dy) <= half;
                default -> {
                    // An upright triangle: apex at top centre, base at the bottom of the square of side 2*half.
                    double t = (dy + half) / (2 * half);
                    yield t >= 0 && t <= 1 && Math.abs(dx) <= half * t;
                }
            };
        }

        int minX() {
            return (int) Math.floor(cx - half);
        }

        int minY() {
            return (int) Math.floor(cy - half);
        }

        int maxX() {
            return (int) Math.ceil(cx + half);
        }

        int maxY() {
            return (int) Math.ceil(cy + half);
        }
    }

    static int mix(int a, int b, double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** A random scene; shape kinds are imbalanced on purpose (circles common, triangles rare). */
    static DemoScene random(Random random, int width, int height) {
        BackgroundKind kind = BackgroundKind.values()[random.nextInt(BackgroundKind.values().length)];
        int hue = random.nextInt(360);
        int a = hsv(hue, 0.25 + 0.3 * random.nextDouble(), 0.35 + 0.5 * random.nextDouble());
        int b = hsv(
                (hue + 30 + random.nextInt(120)) % 360,
                0.2 + 0.4 * random.nextDouble(),
                0.3 + 0.6 * random.nextDouble());
        Background background = new Background(kind, a, b, 8 + random.nextInt(40));
        int count = 1 + random.nextInt(3);
        ArrayList<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            int shapeKind = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
            double half = 14 + random.nextDouble() * Math.min(width, height) * 0.18;
            double cx = half + random.nextDouble() * (width - 2 * half);
            double cy = half + random.nextDouble() * (height - 2 * half);
            int rgb = hsv(random.nextInt(360), 0.65 + 0.35 * random.nextDouble(), 0.7 + 0.3 * random.nextDouble());
            shapes.add(new Shape(shapeKind, cx, cy, half, rgb));
        }
        return new DemoScene(width, height, background, shapes);
    }

    static int hsv(double hue, double saturation, double value) {
        return Color.HSBtoRGB((float) (hue / 360.0), (float) saturation, (float) value) & 0xffffff;
    }
}
