package dev.winnow.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/** Encodes small H.264 MP4 files whose frames have known content. */
final class TestVideo {
    private TestVideo() {}

    /** Frame i is grey level {@code levels[i]} with a white 16x16 square whose left edge is at x = 4·i. */
    static void movingSquare(Path file, int width, int height, int[] levels) throws IOException {
        Files.createDirectories(file.getParent());
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(25, 1));
            for (int i = 0; i < levels.length; i++) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = frame.createGraphics();
                g.setColor(new Color(levels[i], levels[i], levels[i]));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.WHITE);
                g.fillRect(4 * i, 8, 16, 16);
                g.dispose();
                encoder.encodeImage(frame);
            }
            encoder.finish();
        }
    }
}
