package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.media.FrameConsumer;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's video decoder, remembering which decoder read each video (FFmpeg, or JCodec where
 * FFmpeg's native libraries do not load), for the summary. Thread-safe.
 */
final class VideoReaders implements VideoDecoder {
    private final VideoDecoder decoder;
    private final Map<String, String> readerOfVideo = new ConcurrentHashMap<>();

    VideoReaders(VideoDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return decoder.name();
    }

    @Override
    public Set<String> containers() {
        return decoder.containers();
    }

    @Override
    public int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        return decoder.frameCount(datasource, path);
    }

    @Override
    public void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
            throws IOException, MediaException {
        if (decoder instanceof VideoDecoders candidates) {
            candidates.decode(datasource, path, request, consumer, name -> readerOfVideo.put(path, name));
        } else {
            decoder.decode(datasource, path, request, (index, frame) -> {
                readerOfVideo.putIfAbsent(path, decoder.name());
                return consumer.accept(index, frame);
            });
        }
    }

    /** How many videos each decoder read, by decoder name in alphabetical order. */
    Map<String, Integer> videosByDecoder() {
        Map<String, Integer> counts = new TreeMap<>();
        readerOfVideo.values().forEach(name -> counts.merge(name, 1, Integer::sum));
        return counts;
    }
}
