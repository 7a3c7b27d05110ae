package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
    @TempDir
    Path dir;

    @Test
    void realVideo_has68Frames() throws Exception {
        assertThat(VideoProbe.frameCount(LocalDatasource.at(SampleMedia.folder()), "street/tree.mp4"))
                .isEqualTo(68);
    }

    @Test
    void generatedVideo_countsItsFrames() throws Exception {
        TestVideos.solidColours(dir.resolve("gen.mp4"), 64, 48, TestVideos.COLOURS);

        assertThat(VideoProbe.frameCount(LocalDatasource.at(dir), "gen.mp4")).isEqualTo(TestVideos.COLOURS.length);
    }

    @Test
    void movExtension_isReadAsMp4() throws Exception {
        Files.copy(SampleMedia.folder().resolve("street/tree.mp4"), dir.resolve("Tree.MOV"));

        assertThat(VideoProbe.frameCount(LocalDatasource.at(dir), "Tree.MOV")).isEqualTo(68);
    }

    @Test
    void otherContainers_areUnsupported() throws Exception {
        for (String name : new String[] {"clip.avi", "clip.mkv", "clip.webm", "clip.flv"}) {
            Files.writeString(dir.resolve(name), "RIFF....AVI LIST");
        }
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> VideoProbe.frameCount(source, "clip.avi"))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'clip.avi' is in an unsupported video container (.avi); Winnow "
                        + "reads m4v, mov, mp4.");
        assertThatThrownBy(() -> VideoProbe.frameCount(source, "clip.mkv"))
                .hasMessage("The video 'clip.mkv' is in an unsupported video container (.mkv); Winnow "
                        + "reads m4v, mov, mp4.");
        assertThatThrownBy(() -> VideoProbe.frameCount(source, "clip.webm"))
                .hasMessage("The video 'clip.webm' is in an unsupported video container (.webm); Winnow "
                        + "reads m4v, mov, mp4.");
        assertThatThrownBy(() -> VideoProbe.frameCount(source, "clip.flv"))
                .hasMessage("The video 'clip.flv' is in an unsupported video container (.flv); Winnow "
                        + "reads m4v, mov, mp4.");
    }

    @Test
    void truncatedMp4_namesTheFile() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(video, 100_000));

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "cut.mp4"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'cut.mp4' is truncated: the box 'mdat' at byte 40 declares 1279705 bytes, "
                        + "but the file ends after 99960.");
    }

    @Test
    void mp4WithoutMovieHeader_namesTheFile() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        Files.write(dir.resolve("nomoov.mp4"), Arrays.copyOf(video, 1_279_745));

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "nomoov.mp4"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'nomoov.mp4' has no movie header (moov box); it is truncated or corrupt.");
    }

    @Test
    void garbageWithMp4Extension_namesTheFile() throws Exception {
        Files.write(dir.resolve("noise.mp4"), new byte[] {0, 0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Files.write(dir.resolve("tiny.mp4"), new byte[] {1, 2, 3});
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> VideoProbe.frameCount(source, "noise.mp4"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'noise.mp4' does not start with an MP4/MOV box; it is corrupt or in "
                        + "another container.");
        assertThatThrownBy(() -> VideoProbe.frameCount(source, "tiny.mp4"))
                .hasMessage("The video 'tiny.mp4' is truncated: a box header at byte 0 is cut off by the "
                        + "end of the file at byte 3.");
    }

    @Test
    void fragmentedMp4_isUnsupportedSoAnotherDecoderMayTakeIt() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        byte[] fragmented = Arrays.copyOf(video, video.length + 8);
        System.arraycopy(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'}, 0, fragmented, video.length, 8);
        Files.write(dir.resolve("frag.mp4"), fragmented);

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "frag.mp4"))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'frag.mp4' is a fragmented MP4 (its frames are listed in 'moof' boxes), "
                        + "which the built-in decoder does not read.");
    }

    @Test
    void corruptMovieHeader_isAMediaExceptionNotACrash() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        // Overwrite the movie header's contents (after its own 8-byte header) with noise.
        for (int i = 1_279_745 + 8; i < video.length; i++) {
            video[i] = (byte) (i * 31 + 7);
        }
        Files.write(dir.resolve("bad.mp4"), video);

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "bad.mp4"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'bad.mp4' has no video track.");
    }
}
