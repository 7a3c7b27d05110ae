package dev.winnow.validate;

import dev.winnow.datasource.Datasource;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoProbe;
import java.io.IOException;

/**
 * The facts validation needs from the samples themselves: an image's size (from its header, never
 * a full decode) and a video's frame count. Injected so that tests can use fakes; implementations
 * must be safe for use from several threads.
 */
public interface MediaFacts {

    ImageSize imageSize(Datasource input, String image) throws IOException, MediaException;

    int frameCount(Datasource input, String video) throws IOException, MediaException;

    /** The real facts: {@link ImageHeaders} and {@link VideoProbe}. */
    static MediaFacts fromHeaders() {
        return new MediaFacts() {
            @Override
            public ImageSize imageSize(Datasource input, String image) throws IOException, MediaException {
                return ImageHeaders.read(input, image);
            }

            @Override
            public int frameCount(Datasource input, String video) throws IOException, MediaException {
                return VideoProbe.frameCount(input, video);
            }
        };
    }
}
