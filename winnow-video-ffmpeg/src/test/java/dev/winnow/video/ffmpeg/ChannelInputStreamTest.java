package dev.winnow.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelInputStreamTest {
    @TempDir
    Path dir;

    private ChannelInputStream streamOver(byte[] contents) throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, contents);
        return new ChannelInputStream(Files.newByteChannel(file, StandardOpenOption.READ), "sub/data.bin");
    }

    @Test
    void resetReturnsToTheMark_withoutBufferingTheBytesBetween() throws IOException {
        try (ChannelInputStream in = streamOver(new byte[] {10, 11, 12, 13, 14, 15})) {
            assertThat(in.markSupported()).isTrue();
            assertThat(in.read()).isEqualTo(10);
            in.mark(0);
            assertThat(in.readNBytes(3)).containsExactly(11, 12, 13);
            in.reset();
            assertThat(in.read()).isEqualTo(11);
        }
    }

    @Test
    void skipStopsAtTheEnd_andSaysHowFarItWent() throws IOException {
        try (ChannelInputStream in = streamOver(new byte[] {1, 2, 3, 4, 5})) {
            assertThat(in.skip(2)).isEqualTo(2);
            assertThat(in.available()).isEqualTo(3);
            assertThat(in.skip(Long.MAX_VALUE)).isEqualTo(3);
            assertThat(in.skip(Long.MAX_VALUE)).isZero();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
        }
    }

    @Test
    void readErrorEndsTheData_andIsKeptForTheDecoderToRaise() throws IOException {
        IOException broken = new IOException("The disk went away.");
        SeekableByteChannel failing = new FailingChannel(broken);
        ChannelInputStream in = new ChannelInputStream(failing, "clip.avi");

        assertThat(in.failure()).isNull();
        assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(in.failure()).isSameAs(broken);
        assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(in.failure()).isSameAs(broken);
    }

    @Test
    void namedWithAnUnknownScheme_soFfmpegNeverOpensItByPath() throws IOException {
        try (ChannelInputStream in = streamOver(new byte[0])) {
            assertThat(in).hasToString("winnow-datasource:sub/data.bin");
        }
    }

    /** A channel whose every read fails. */
    private static final class FailingChannel implements SeekableByteChannel {
        private final IOException failure;

        FailingChannel(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            throw failure;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            return this;
        }

        @Override
        public long size() {
            return 100;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
