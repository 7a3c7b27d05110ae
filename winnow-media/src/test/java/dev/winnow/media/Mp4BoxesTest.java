package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box structure checked before JCodec parses a file: the inputs of the MP4 fuzz corpus that
 * kept JCodec's parse busy without end, or made it fail with an error no caller catches (out of
 * memory, stack overflow), are refused with a sentence naming the video and the box; real videos
 * pass. The corpus's other findings, past the parse, are sentences too.
 */
class Mp4BoxesTest {
    @TempDir
    Path dir;

    @Test
    void childBoxSmallerThanItsHeader_isRefusedBeforeJcodecLoopsOnIt() throws Exception {
        // JCodec stepped back to the box's start for ever, filling the heap (over 20 s to run out of 1 GB).
        assertRefused(
                "timeout_box_smaller_than_its_header",
                "The video 'v.mp4' is corrupt: the box 'free' at byte 895 declares a size of 0 bytes,"
                        + " less than its own header.");
    }

    @Test
    void sampleSizeTableCountingMoreEntriesThanItHolds_isRefusedBeforeJcodecAllocatesForThem() throws Exception {
        // JCodec allocated four bytes for each of the 1,073,741,824 entries: out of memory.
        assertRefused(
                "oom_sample_size_count",
                "The video 'v.mp4' is corrupt: the box 'stsz' at byte 791 lists 1073741824 entries of 4 bytes,"
                        + " but holds 8 bytes of entries.");
    }

    @Test
    void itemListEntryEndingInTwoStrayBytes_isRefusedBeforeJcodecSpinsOnThem() throws Exception {
        // JCodec's loop over the entry's boxes read nothing from the last two bytes and never ended.
        assertRefused(
                "timeout_item_list_tail",
                "The video 'v.mp4' is corrupt: the box 'ilst' at byte 915 has an entry at byte 923 whose last"
                        + " 2 bytes are not a box.");
    }

    @Test
    void boxesNestedThousandsDeep_areRefusedBeforeJcodecRecursesThroughThem() throws Exception {
        // 3,000 nested boxes overflowed JCodec's stack.
        assertRefused(
                "crash_nested_boxes",
                "The video 'v.mp4' is corrupt: the box 'udta' at byte 288 lies more than 32 boxes deep.");
    }

    @Test
    void topLevelBoxOfSizeZeroAfterTheMovie_isRefusedBeforeJcodecLoopsOnIt() throws Exception {
        // JCodec skips a zero size word, reads the next as the size, and stepped by 0 bytes for ever.
        assertRefused(
                "timeout_top_level_box_of_size_zero",
                "The video 'v.mp4' is corrupt: the box 'free' at byte 1187 declares a size of 0 bytes,"
                        + " less than its own header.");
    }

    @Test
    void campaignFindingsPastTheParse_areSentences() throws Exception {
        // Each made JCodec or the decoder fail with an exception or run out of memory (bench/fuzz.sh 120 mp4).
        assertFrameCount("crash_no_movie_header_box", "The video 'v.mp4' has a corrupt movie header.");
        assertFrameCount(
                "oom_frame_count_past_the_file",
                "The video 'v.mp4' is corrupt: its track counts 536870914 frames, more than its 941 bytes can hold.");
        assertFrameCount(
                "crash_movie_box_jcodec_does_not_find",
                "The video 'v.mp4' has no movie header (moov box); it is truncated or corrupt.");
        assertFrameSize(
                "crash_chunk_offset_past_the_end",
                "The video 'v.mp4' is truncated: its frame 0 (in decoding order) could not be read.");
        assertFrameSize(
                "crash_cropped_to_nothing",
                "The video 'v.mp4' is corrupt: its frame 0 (in decoding order) could not be decoded.");
    }

    private void assertFrameCount(String corpusFile, String message) throws IOException {
        write(corpusFile);

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "v.mp4"))
                .as(corpusFile)
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage(message);
    }

    private void assertFrameSize(String corpusFile, String message) throws IOException {
        write(corpusFile);

        assertThatThrownBy(() -> VideoProbe.frameSize(LocalDatasource.at(dir), "v.mp4"))
                .as(corpusFile)
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage(message);
    }

    @Test
    void frameCount_saysWhatTheCheckSaid() throws Exception {
        write("timeout_box_smaller_than_its_header");

        assertThatThrownBy(() -> VideoProbe.frameCount(LocalDatasource.at(dir), "v.mp4"))
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage("The video 'v.mp4' is corrupt: the box 'free' at byte 895 declares a size of 0 bytes,"
                        + " less than its own header.");
    }

    @Test
    void realVideos_pass() throws Exception {
        write("two_frames");
        assertThatCode(() -> check(dir.resolve("v.mp4"))).doesNotThrowAnyException();
        assertThatCode(() -> check(SampleMedia.file("street/tree.mp4"))).doesNotThrowAnyException();
        assertThat(VideoProbe.frameCount(LocalDatasource.at(SampleMedia.folder()), "street/tree.mp4"))
                .isEqualTo(68);
    }

    private void assertRefused(String corpusFile, String message) throws IOException {
        write(corpusFile);

        assertThatThrownBy(() -> check(dir.resolve("v.mp4")))
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage(message);
    }

    private static void check(Path video) throws IOException, MediaException {
        try (SeekableByteChannel channel = Files.newByteChannel(video)) {
            Mp4Boxes.check(channel, "v.mp4");
        }
    }

    /** Copies the MP4 fuzz corpus's {@code name} to {@code v.mp4}. */
    private void write(String name) throws IOException {
        try (InputStream in =
                Objects.requireNonNull(getClass().getResourceAsStream("MediaFuzzTestInputs/mp4/" + name), name)) {
            Files.write(dir.resolve("v.mp4"), in.readAllBytes());
        }
    }
}
