package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.PredictionsLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Picks the decoder for a video by its container (file extension): the decoders are asked in
 * order, and when one reports {@link UnsupportedMediaException} (say, FFmpeg without its native
 * libraries, or an HEVC stream that JCodec cannot decode) the next one claiming the container gets
 * the file. A container nobody
 * claims is refused with "unsupported video container".
 *
 * <pre>{@code
 * VideoDecoder videos = VideoDecoders.standard();
 * int frames = videos.frameCount(datasource, "street/tree.mp4");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class VideoDecoders implements VideoDecoder {
    private static final class Holder {
        static final VideoDecoders STANDARD = discover();
    }

    private final List<VideoDecoder> decoders;

    private VideoDecoders(List<VideoDecoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    /**
     * Every decoder found through {@link ServiceLoader} (the FFmpeg decoder of the standard build),
     * then the built-in JCodec decoder: FFmpeg reads more formats and is several times faster, and
     * where its native libraries do not load it refuses each video as unsupported, so MP4 and MOV
     * fall back to JCodec.
     */
    public static VideoDecoders standard() {
        return Holder.STANDARD;
    }

    /** Exactly {@code decoders}, asked in this order (for tests and embedding). */
    public static VideoDecoders of(List<VideoDecoder> decoders) {
        return new VideoDecoders(decoders);
    }

    private static VideoDecoders discover() {
        List<VideoDecoder> found = new ArrayList<>();
        for (VideoDecoder decoder : ServiceLoader.load(VideoDecoder.class)) {
            found.add(decoder);
        }
        found.add(new JcodecVideoDecoder());
        return new VideoDecoders(found);
    }

    /** The decoders in the order they are asked. */
    public List<VideoDecoder> decoders() {
        return decoders;
    }

    @Override
    public String name() {
        List<String> names = new ArrayList<>();
        decoders.forEach(d -> names.add(d.name()));
        return String.join(", ", names);
    }

    @Override
    public Set<String> containers() {
        Set<String> all = new LinkedHashSet<>();
        decoders.forEach(d -> all.addAll(d.containers()));
        return Collections.unmodifiableSet(all);
    }

    @Override
    public int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        UnsupportedMediaException last = null;
        for (VideoDecoder decoder : candidates(path)) {
            try {
                return decoder.frameCount(datasource, path);
            } catch (UnsupportedMediaException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
            throws IOException, MediaException {
        decode(datasource, path, request, consumer, name -> {});
    }

    /**
     * Decodes as {@link #decode(Datasource, String, FrameRequest, FrameConsumer)} does, and tells
     * {@code reader} the {@linkplain VideoDecoder#name() name} of the decoder that reads the video,
     * once, just before its first frame is handed over.
     */
    public void decode(
            Datasource datasource, String path, FrameRequest request, FrameConsumer consumer, Consumer<String> reader)
            throws IOException, MediaException {
        UnsupportedMediaException last = null;
        for (VideoDecoder decoder : candidates(path)) {
            boolean[] named = {false};
            try {
                decoder.decode(datasource, path, request, (index, frame) -> {
                    if (!named[0]) {
                        named[0] = true;
                        reader.accept(decoder.name());
                    }
                    return consumer.accept(index, frame);
                });
                return;
            } catch (UnsupportedMediaException e) {
                if (named[0]) {
                    throw e;
                }
                last = e; // nothing was handed to the consumer: the codec is checked before any frame
            }
        }
        throw last;
    }

    private List<VideoDecoder> candidates(String path) throws UnsupportedMediaException {
        String extension = extension(path);
        List<VideoDecoder> candidates = new ArrayList<>();
        for (VideoDecoder decoder : decoders) {
            if (decoder.containers().contains(extension)) {
                candidates.add(decoder);
            }
        }
        if (candidates.isEmpty()) {
            throw new UnsupportedMediaException("The video '" + path + "' is in an unsupported video container ("
                    + (extension.isEmpty() ? "no extension" : "." + extension) + "); Winnow reads "
                    + String.join(", ", new TreeSet<>(containers())) + ".");
        }
        return candidates;
    }

    static String extension(String path) {
        return PredictionsLayout.extension(path).toLowerCase(Locale.ROOT);
    }
}
