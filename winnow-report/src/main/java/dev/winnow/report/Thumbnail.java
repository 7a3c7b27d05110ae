package dev.winnow.report;

import java.util.Objects;

/** A small picture of a selected sample with its predictions drawn, encoded as JPEG or PNG. */
public record Thumbnail(String sample, String mimeType, byte[] bytes, int width, int height, String caption) {
    public Thumbnail {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(bytes, "bytes");
        caption = caption == null ? "" : caption;
    }
}
