package dev.winnow.format;

/** A box in pixels: {@code x, y} of the top-left corner, then width and height. */
public record BoundingBox(double x, double y, double width, double height) {

    public double area() {
        return width * height;
    }

    public double[] toArray() {
        return new double[] {x, y, width, height};
    }
}
