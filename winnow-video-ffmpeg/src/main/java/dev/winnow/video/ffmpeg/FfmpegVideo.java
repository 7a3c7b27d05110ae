package dev.winnow.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;

import dev.winnow.datasource.Datasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameConsumer;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.Subsampling;
import dev.winnow.media.UnsupportedMediaException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.jspecify.annotations.Nullable;

/**
 * One video opened through JavaCV's grabber: its first video stream, that stream's codec and
 * frame size, and the one sequential pass over its frames.
 *
 * <p>JavaCV hides decoding errors (a damaged packet simply yields no frame), so damage shows as
 * fewer frames than the container declares; the pass checks that count at the end. Frames are
 * converted (colour and size in one swscale call, area averaging when reducing) only when the
 * request wants them. Not thread-safe: one instance per video and thread.
 */
final class FfmpegVideo implements AutoCloseable {
    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    private final String path;
    private final ChannelInputStream input;
    private final FFmpegFrameGrabber grabber;
    private final AVStream stream;
    private final String codec;
    /** Null when the container was opened without probing and its headers do not say. */
    private final @Nullable ImageSize original;

    private FfmpegVideo(
            String path,
            ChannelInputStream input,
            FFmpegFrameGrabber grabber,
            AVStream stream,
            String codec,
            @Nullable ImageSize original) {
        this.path = path;
        this.input = input;
        this.grabber = grabber;
        this.stream = stream;
        this.codec = codec;
        this.original = original;
    }

    /**
     * Opens the container and the decoder of its first video stream. With {@code probe}, FFmpeg
     * also reads and decodes the first packets to learn what the headers leave out (the frame size
     * of some streams); decoding needs that, counting frames does not, and it costs tens of
     * milliseconds per video.
     */
    static FfmpegVideo open(Datasource datasource, String path, boolean probe) throws IOException, MediaException {
        FfmpegLibrary.require(path);
        SeekableByteChannel channel = datasource.openSeekable(path);
        ChannelInputStream input;
        try {
            input = new ChannelInputStream(channel, path);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        // Each decoded frame becomes one TYPE_INT_RGB pixel per int: bytes B, G, R, 0 in memory.
        grabber.setPixelFormat(AV_PIX_FMT_BGR0);
        grabber.setImageScalingFlags(SWS_AREA);
        // No stream has this index, so the grabber opens no audio decoder: frames are all Winnow reads.
        grabber.setAudioStream(Integer.MAX_VALUE);
        boolean opened = false;
        try {
            try {
                grabber.start(probe);
            } catch (FrameGrabber.Exception e) {
                rethrowReadFailure(input);
                throw explainOpenFailure(path, grabber.getFormatContext(), e);
            }
            if (!grabber.hasVideo()) {
                throw noVideoStream(path);
            }
            AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            String codec = codecName(stream.codecpar().codec_id());
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (probe && (width <= 0 || height <= 0)) {
                throw new MediaException(
                        "The video '" + path + "' (codec " + codec + ") does not state its frame size.");
            }
            opened = true;
            return new FfmpegVideo(
                    path, input, grabber, stream, codec, width > 0 && height > 0 ? new ImageSize(width, height) : null);
        } finally {
            if (!opened) {
                release(grabber, input);
            }
        }
    }

    /** The video codec's short name, as FFmpeg spells it ("vp8", "mjpeg"). */
    String codec() {
        return codec;
    }

    /**
     * The frame count the container's header states, or -1 when it states none (Matroska, WebM).
     * For MP4 and MOV it is the number of frames shown: samples that the edit list hides are stored
     * for decoding only, and FFmpeg's index marks them.
     */
    long declaredFrameCount() {
        int entries = avformat_index_get_entries_count(stream);
        if (entries > 0
                && grabber.getFormatContext().iformat().name().getString().contains("mov")) {
            long shown = 0;
            for (int i = 0; i < entries; i++) {
                if ((avformat_index_get_entry(stream, i).flags() & AVIndexEntry.AVINDEX_DISCARD_FRAME) == 0) {
                    shown++;
                }
            }
            return shown;
        }
        long frames = stream.nb_frames();
        return frames > 0 ? frames : -1;
    }

    /**
     * Counts the video stream's packets in one pass without decoding them: one packet holds one
     * frame in the containers this decoder reads.
     */
    long countPackets() throws IOException, MediaException {
        long packets = 0;
        try {
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                if (packet.stream_index() == stream.index()) {
                    packets++;
                }
                av_packet_unref(packet);
            }
        } catch (FrameGrabber.Exception e) {
            throw undecodable(e);
        }
        rethrowReadFailure(input);
        return packets;
    }

    /**
     * Decodes every frame from the start, handing the requested ones to {@code consumer}; stops after
     * {@code frameCount} frames when that is known (≥ 0), or as soon as the consumer wants no more.
     * Returns the number of frames decoded.
     */
    long decode(FrameRequest request, FrameConsumer consumer, long frameCount) throws IOException, MediaException {
        if (original == null) {
            throw new IllegalStateException(
                    "The video '" + path + "' was opened without probing; it cannot be decoded.");
        }
        ImageSize reduced =
                Subsampling.reduced(original, Subsampling.forShortSide(original, request.targetShortSide()));
        grabber.setImageWidth(reduced.width());
        grabber.setImageHeight(reduced.height());
        long index = 0;
        while (frameCount < 0 || index < frameCount) {
            boolean wanted = request.wants((int) Math.min(index, Integer.MAX_VALUE));
            Frame frame;
            try {
                frame = grabber.grabFrame(false, true, wanted, false, false);
            } catch (FrameGrabber.Exception e) {
                throw undecodable(e);
            }
            if (frame == null) {
                break;
            }
            if (index > Integer.MAX_VALUE - 1) {
                throw new MediaException("The video '" + path + "' (codec " + codec + ") has more than "
                        + Integer.MAX_VALUE + " frames.");
            }
            index++;
            if (wanted && !consumer.accept((int) index - 1, new DecodedImage(toRgb(frame, reduced), original))) {
                return index;
            }
        }
        rethrowReadFailure(input);
        if (frameCount >= 0 && index < frameCount) {
            throw new MediaException("The video '" + path + "' (codec " + codec + ") ends after " + index + " of its "
                    + frameCount + " frames; the file is truncated or damaged.");
        }
        return index;
    }

    /** Copies the grabber's BGR0 buffer, which the next frame overwrites, into an image of its own. */
    private BufferedImage toRgb(Frame frame, ImageSize size) throws MediaException {
        if (frame.imageWidth != size.width()
                || frame.imageHeight != size.height()
                || frame.imageStride < 4 * size.width()) {
            throw new MediaException("The video '" + path + "' (codec " + codec + ") produced a frame of "
                    + frame.imageWidth + "x" + frame.imageHeight + " pixels where " + size.width() + "x"
                    + size.height() + " were expected.");
        }
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        IntBuffer source = ((ByteBuffer) frame.image[0])
                .duplicate()
                .order(ByteOrder.LITTLE_ENDIAN)
                .position(0)
                .asIntBuffer();
        int rowInts = frame.imageStride / 4;
        for (int y = 0; y < size.height(); y++) {
            source.position(y * rowInts);
            source.get(pixels, y * size.width(), size.width());
        }
        return image;
    }

    private MediaException undecodable(FrameGrabber.Exception e) {
        return new MediaException(
                "The video '" + path + "' (codec " + codec + ") cannot be decoded: " + e.getMessage(), e);
    }

    private static MediaException explainOpenFailure(String path, AVFormatContext container, FrameGrabber.Exception e) {
        if (container == null || container.isNull()) {
            // JavaCV reports the error of its retry by name, not the first attempt's, so there is no
            // more precise reason to give.
            return new MediaException(
                    "The video '" + path + "' cannot be opened: FFmpeg recognises no container "
                            + "in it, or its header is damaged.",
                    e);
        }
        for (int i = 0; i < container.nb_streams(); i++) {
            AVStream candidate = container.streams(i);
            if (candidate.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                int codecId = candidate.codecpar().codec_id();
                if (codecId == AV_CODEC_ID_NONE) {
                    return new UnsupportedMediaException(
                            "The video '" + path + "' uses a codec FFmpeg does not know (tag '"
                                    + fourCc(candidate.codecpar().codec_tag()) + "').");
                }
                if (avcodec_find_decoder(codecId) == null) {
                    return new UnsupportedMediaException("The video '" + path + "' uses the codec " + codecName(codecId)
                            + ", which this FFmpeg build cannot decode.");
                }
                return new MediaException(
                        "The video '" + path + "' (codec " + codecName(codecId) + ") cannot be decoded: "
                                + ffmpegReason(e) + ".",
                        e);
            }
        }
        return noVideoStream(path);
    }

    private static MediaException noVideoStream(String path) {
        return new MediaException("The video '" + path + "' has no video stream.");
    }

    /** FFmpeg's own words for the error code in a JavaCV message, or the message itself. */
    private static String ffmpegReason(FrameGrabber.Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = ERROR_CODE.matcher(message);
        return code.find() ? FfmpegLibrary.errorText(Integer.parseInt(code.group(1))) : message;
    }

    /** A container's codec tag as its four characters, unprintable ones as '?'. */
    private static String fourCc(int tag) {
        StringBuilder text = new StringBuilder(4);
        for (int shift = 0; shift < 32; shift += 8) {
            int c = (tag >>> shift) & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return text.toString();
    }

    private static String codecName(int codecId) {
        return avcodec_get_name(codecId).getString();
    }

    private static void rethrowReadFailure(ChannelInputStream input) throws IOException {
        IOException failure = input.failure();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        release(grabber, input);
    }

    private static void release(FFmpegFrameGrabber grabber, ChannelInputStream input) throws IOException {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            // Freeing native memory does not fail in a way a user could act on; closing the file matters.
        } finally {
            input.close();
        }
    }
}
