package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.FrameName;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoProbe;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The samples that are frames of a video of the input ({@code street/tree-012-mp4.png} is frame 12
 * of {@code street/tree.mp4}), decoded with the same decoders {@code winnow run} uses. A name is a
 * frame only when the input has no file of that name, its video exists, and the index is padded as
 * the video's frame count asks. Frame counts and frame sizes are read once per video.
 */
final class VideoFrames {
    /** A frame of a video: the video's name, the frame's index and the video's frame count. */
    record Frame(String video, int index, int frameCount) {
        String sampleName() {
            return FrameName.of(video, index, frameCount).sampleName();
        }
    }

    /** Receives decoded frames in frame order; false stops the decoding. */
    @FunctionalInterface
    interface Frames {
        boolean accept(int index, DecodedImage frame) throws IOException, MediaException;
    }

    private final Datasource input;
    private final VideoDecoder decoder;
    private final Map<String, Optional<Integer>> frameCounts = new ConcurrentHashMap<>();
    private final Map<String, ImageSize> sizes = new ConcurrentHashMap<>();

    VideoFrames(Datasource input, VideoDecoder decoder) {
        this.input = input;
        this.decoder = decoder;
    }

    /** The frame {@code sample} names, or empty when it names an image or anything else. */
    Optional<Frame> frame(String sample) {
        if (!sample.endsWith(".png")) {
            return Optional.empty();
        }
        Optional<FrameName.Parsed> parsed = FrameName.parse(sample.substring(0, sample.length() - ".png".length()));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (input.stat(sample).isPresent()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String video = parsed.get().video();
        Optional<Integer> count = frameCounts.computeIfAbsent(video, this::count);
        if (count.isEmpty()
                || parsed.get().index() >= count.get()
                || !parsed.get().paddedFor(count.get())) {
            return Optional.empty();
        }
        return Optional.of(new Frame(video, parsed.get().index(), count.get()));
    }

    /** The frames' size as the decoder shows them, read once per video (by decoding its first frame). */
    ImageSize size(Frame frame) throws IOException, MediaException {
        ImageSize known = sizes.get(frame.video());
        if (known != null) {
            return known;
        }
        ImageSize size = VideoProbe.frameSize(decoder, input, frame.video());
        sizes.put(frame.video(), size);
        return size;
    }

    /**
     * Decodes {@code video} from its start, reduced as {@code request} asks, handing frames to
     * {@code frames} until it returns false or the video ends.
     */
    void decode(String video, FrameRequest request, Frames frames) throws IOException, MediaException {
        decoder.decode(input, video, request, frames::accept);
    }

    /** The frame {@code index} of {@code frame}'s video, reduced so its short side stays at least {@code shortSide}. */
    DecodedImage decodeOne(Frame frame, int shortSide) throws IOException, MediaException {
        @Nullable DecodedImage[] found = {null};
        decode(frame.video(), new FrameRequest(shortSide, 1), (index, image) -> {
            if (index == frame.index()) {
                found[0] = image;
                return false;
            }
            return true;
        });
        DecodedImage image = found[0];
        if (image == null) {
            throw new MediaException("The video '" + frame.video() + "' ended before its frame " + frame.index() + ".");
        }
        return image;
    }

    private Optional<Integer> count(String video) {
        try {
            if (input.stat(video).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(decoder.frameCount(input, video));
        } catch (IOException | MediaException e) {
            return Optional.empty();
        }
    }
}
