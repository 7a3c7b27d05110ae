package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jspecify.annotations.Nullable;

/**
 * The built-in video decoder: H.264 in MP4/MOV through JCodec, pure Java.
 *
 * <p>One pass per video: packets are read in file (decoding) order and each is decoded into one
 * reused frame buffer; the frame's number comes from {@link PresentationOrder} (ffmpeg's numbering,
 * edit list applied), and only requested frames are converted to RGB at the reduced size. Frames decoded ahead of their
 * turn (B-frame streams) wait, already reduced, until the earlier ones are handed over, so memory
 * holds at most the stream's reordering depth of small images.
 */
final class JcodecVideoDecoder implements VideoDecoder {
    private static final Set<String> CONTAINERS = Set.of("mp4", "mov", "m4v");
    /** Largest frame decoded (8K UHD is 33 million pixels); bounds memory on a hostile header. */
    static final long MAX_FRAME_PIXELS = 40_000_000L;

    @Override
    public String name() {
        return "JCodec";
    }

    @Override
    public Set<String> containers() {
        return CONTAINERS;
    }

    @Override
    public int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        try (SeekableByteChannel channel = datasource.openSeekable(path)) {
            MP4Demuxer demuxer = open(channel, path);
            return presentation(demuxer, videoTrack(demuxer, path), channel.size(), path)
                    .frames();
        }
    }

    @Override
    public void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
            throws IOException, MediaException {
        try (SeekableByteChannel channel = datasource.openSeekable(path)) {
            MP4Demuxer demuxer = open(channel, path);
            AbstractMP4DemuxerTrack track = videoTrack(demuxer, path);
            DemuxerTrackMeta meta;
            try {
                meta = track.getMeta();
            } catch (RuntimeException e) {
                // a track whose sample description is no video's (found by fuzzing)
                throw new MediaException("The video '" + path + "' has a corrupt track table.", e);
            }
            Codec codec = meta.getCodec();
            if (codec != Codec.H264) {
                throw new UnsupportedMediaException("The video '" + path + "' uses the codec "
                        + (codec == null ? "'" + track.getFourcc() + "'" : codec.name())
                        + ", which the built-in decoder cannot decode; it decodes H.264 only.");
            }
            Size size = meta.getVideoCodecMeta() == null
                    ? null
                    : meta.getVideoCodecMeta().getSize();
            if (size == null || size.getWidth() <= 0 || size.getHeight() <= 0) {
                throw new MediaException("The video '" + path + "' does not state its frame size in its H.264 header.");
            }
            if ((long) size.getWidth() * size.getHeight() > MAX_FRAME_PIXELS) {
                throw new MediaException(
                        "The video '" + path + "' has frames of " + size.getWidth() + "x" + size.getHeight()
                                + " pixels, more than the limit of " + MAX_FRAME_PIXELS + " pixels per frame.");
            }
            H264Decoder decoder = createDecoder(meta, path);
            try {
                decodeAll(
                        track,
                        presentation(demuxer, track, channel.size(), path),
                        decoder,
                        size,
                        path,
                        request,
                        consumer);
            } finally {
                stopThreads(decoder);
            }
        }
    }

    /**
     * The track's presentation order. Every frame takes at least a byte of the file, so a track
     * counting more frames than the file has bytes is corrupt (and would cost memory by its count).
     */
    private static PresentationOrder presentation(
            MP4Demuxer demuxer, AbstractMP4DemuxerTrack track, long fileSize, String path) throws MediaException {
        long frames;
        long timescale;
        try {
            frames = track.getFrameCount();
            timescale = demuxer.getMovie().getTimescale();
        } catch (RuntimeException e) {
            // a movie without its header box (mvhd), found by fuzzing
            throw new MediaException("The video '" + path + "' has a corrupt movie header.", e);
        }
        if (frames < 0 || frames > fileSize) {
            throw new MediaException("The video '" + path + "' is corrupt: its track counts " + frames
                    + " frames, more than its " + fileSize + " bytes can hold.");
        }
        try {
            return PresentationOrder.of(track.getBox(), timescale, (int) frames);
        } catch (RuntimeException e) {
            throw new MediaException("The video '" + path + "' has a corrupt track table.", e);
        }
    }

    private static void decodeAll(
            AbstractMP4DemuxerTrack track,
            PresentationOrder order,
            H264Decoder decoder,
            Size size,
            String path,
            FrameRequest request,
            FrameConsumer consumer)
            throws IOException, MediaException {
        int frameCount = (int) track.getFrameCount();
        // Room for the largest picture the stream's macroblocks can describe, as JCodec's own grabber allocates.
        byte[][] buffer = Picture.create((size.getWidth() + 15) & ~15, (size.getHeight() + 15) & ~15, ColorSpace.YUV444)
                .getData();
        YuvFrameScaler scaler = new YuvFrameScaler();
        TreeMap<Integer, DecodedImage> waiting = new TreeMap<>();
        int next = 0; // the next presentation index to hand over
        int factor = 0;
        ImageSize original = null;
        for (int decoded = 0; decoded < frameCount; decoded++) {
            Packet packet = nextPacket(track, path, decoded);
            Picture picture;
            try {
                picture = decoder.decodeFrame(packet.getData(), buffer);
            } catch (RuntimeException e) {
                throw corrupt(path, decoded, e);
            }
            if (picture == null) {
                throw corrupt(path, decoded, null);
            }
            int index = order.frameOf(decoded);
            if (index < 0 || !request.wants(index)) {
                continue;
            }
            if (picture.getColor() != ColorSpace.YUV420 && picture.getColor() != ColorSpace.YUV420J) {
                throw new UnsupportedMediaException(
                        "The video '" + path + "' stores its frames as " + picture.getColor()
                                + ", which the built-in decoder cannot convert; it converts 4:2:0 video only.");
            }
            if (original == null) {
                if (picture.getCroppedWidth() <= 0 || picture.getCroppedHeight() <= 0) {
                    throw corrupt(path, decoded, null); // a cropping window larger than the frame
                }
                original = new ImageSize(picture.getCroppedWidth(), picture.getCroppedHeight());
                factor = Subsampling.forShortSide(original, request.targetShortSide());
            }
            waiting.put(index, new DecodedImage(scaler.toRgb(picture, factor), original));
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                if (!consumer.accept(next, waiting.pollFirstEntry().getValue())) {
                    return;
                }
                next += request.stride();
            }
        }
        if (!waiting.isEmpty()) {
            throw new MediaException("The video '" + path + "' is corrupt: its frame times skip frame " + next + ".");
        }
    }

    private static Packet nextPacket(DemuxerTrack track, String path, int decoded) throws IOException, MediaException {
        Packet packet;
        try {
            packet = track.nextFrame();
        } catch (RuntimeException e) {
            throw corrupt(path, decoded, e);
        }
        if (packet == null || packet.getData() == null) {
            throw new MediaException("The video '" + path + "' is truncated: its frame " + decoded
                    + " (in decoding order) could not be read.");
        }
        return packet;
    }

    private static H264Decoder createDecoder(DemuxerTrackMeta meta, String path) throws MediaException {
        ByteBuffer codecPrivate = meta.getCodecPrivate();
        if (codecPrivate == null) {
            throw new MediaException("The video '" + path + "' has no H.264 parameter sets (avcC) in its container.");
        }
        try {
            return H264Decoder.createH264DecoderFromCodecPrivate(codecPrivate);
        } catch (RuntimeException e) {
            throw new MediaException("The video '" + path + "' has unreadable H.264 parameter sets.", e);
        }
    }

    private static MP4Demuxer open(SeekableByteChannel channel, String path) throws IOException, MediaException {
        Mp4Boxes.check(channel, path);
        channel.position(0);
        try {
            return MP4Demuxer.createMP4Demuxer(new JcodecChannel(channel));
        } catch (RuntimeException e) {
            throw new MediaException("The video '" + path + "' has a corrupt movie header.", e);
        }
    }

    private static AbstractMP4DemuxerTrack videoTrack(MP4Demuxer demuxer, String path) throws MediaException {
        DemuxerTrack track;
        try {
            track = demuxer.getVideoTrack();
        } catch (RuntimeException e) {
            throw new MediaException("The video '" + path + "' has a corrupt track table.", e);
        }
        if (!(track instanceof AbstractMP4DemuxerTrack mp4Track)) {
            throw new MediaException("The video '" + path + "' has no video track.");
        }
        return mp4Track;
    }

    private static MediaException corrupt(String path, int decoded, @Nullable RuntimeException cause) {
        return new MediaException(
                "The video '" + path + "' is corrupt: its frame " + decoded
                        + " (in decoding order) could not be decoded.",
                cause); // the library's wording stays in the cause
    }

    /**
     * JCodec's H.264 decoder starts a thread pool per instance and offers no way to stop it; one
     * decoder per video would otherwise leave idle threads behind for every video of a run.
     */
    private static void stopThreads(H264Decoder decoder) {
        try {
            Field pool = H264Decoder.class.getDeclaredField("tp");
            pool.setAccessible(true);
            if (pool.get(decoder) instanceof ExecutorService executor) {
                executor.shutdownNow();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A JCodec without that field has nothing of ours to stop.
        }
    }
}
