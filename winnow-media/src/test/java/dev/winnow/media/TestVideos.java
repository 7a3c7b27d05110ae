package dev.winnow.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/** Encodes small H.264 MP4 files with known content per frame. */
final class TestVideos {
    static final Color[] COLOURS = {
        new Color(220, 30, 30), new Color(30, 200, 40), new Color(30, 40, 210), new Color(230, 220, 40),
        new Color(200, 40, 200), new Color(40, 200, 210), new Color(128, 128, 128), new Color(250, 250, 250),
        new Color(10, 10, 10), new Color(160, 90, 20),
    };

    private TestVideos() {}

    /** One solid-coloured frame per colour, in order. */
    static void solidColours(Path file, int width, int height, Color[] colours) throws IOException {
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(25, 1));
            for (Color colour : colours) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = frame.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, width, height);
                g.dispose();
                encoder.encodeImage(frame);
            }
            encoder.finish();
        }
    }
}
