package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.report.Thumbnail;
import dev.winnow.report.ThumbnailRenderer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * The pictures the pages show: grid thumbnails (the report's, without predictions, which the page
 * draws itself) kept in a bounded cache, and the image itself reduced to at most
 * {@value #IMAGE_SHORT_SIDE} pixels on its short side. Decoding goes through winnow-media, so the
 * pixel budget holds; a video frame is decoded from its video ({@link VideoFrames}), and one pass
 * over a video keeps the thumbnails of the frames after the one asked for too, since a grid shows
 * a video's frames side by side. A picture that cannot be made is a grey placeholder; its reason is
 * given by {@link #problem}.
 */
final class Pictures {
    static final int THUMB_SHORT_SIDE = 240;
    static final int IMAGE_SHORT_SIDE = 1080;
    private static final int CACHED_THUMBS = 4096;
    private static final int CACHED_SIZES = 1 << 16;
    /** How many frames after the one asked for a pass over a video makes thumbnails of. */
    private static final int FRAMES_AHEAD = 128;

    /** Encoded picture bytes and their media type; {@code problem} is null unless it is a placeholder. */
    record Picture(byte[] bytes, String mimeType, @Nullable String problem) {}

    private final Datasource input;
    private final VideoFrames frames;
    private final Map<String, Object> videoLocks = new ConcurrentHashMap<>();
    private final Map<String, Picture> thumbs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
            return size() > CACHED_THUMBS;
        }
    };

    private final Map<String, @Nullable ImageSize> sizes = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, @Nullable ImageSize> eldest) {
            return size() > CACHED_SIZES;
        }
    };

    Pictures(Datasource input, VideoFrames frames) {
        this.input = input;
        this.frames = frames;
    }

    /** The frame {@code sample} names, or empty for an image. */
    Optional<VideoFrames.Frame> frame(String sample) {
        return frames.frame(sample);
    }

    /** The width and height of the sample's image from its header, or null when it has none that can be read. */
    @Nullable
    ImageSize size(String sample) {
        synchronized (sizes) {
            if (sizes.containsKey(sample)) {
                return sizes.get(sample);
            }
        }
        ImageSize size;
        try {
            Optional<VideoFrames.Frame> frame = frames.frame(sample);
            size = frame.isPresent()
                    ? frames.size(frame.get())
                    : MediaKind.of(sample).orElse(MediaKind.VIDEO) == MediaKind.IMAGE
                                    && input.stat(sample).isPresent()
                            ? ImageHeaders.read(input, sample)
                            : null;
        } catch (IOException | MediaException e) {
            size = null;
        }
        synchronized (sizes) {
            sizes.put(sample, size);
        }
        return size;
    }

    Picture thumbnail(String sample) {
        Picture cached = cachedThumbnail(sample);
        if (cached != null) {
            return cached;
        }
        Optional<VideoFrames.Frame> frame = frames.frame(sample);
        if (frame.isPresent()) {
            return frameThumbnail(frame.get());
        }
        Picture made;
        try {
            DecodedImage image = decode(sample, THUMB_SHORT_SIDE);
            Thumbnail thumb = ThumbnailRenderer.render(sample, image.image(), image.original(), List.of());
            made = new Picture(thumb.bytes(), thumb.mimeType(), null);
        } catch (IOException | MediaException e) {
            made = placeholder(message(sample, e));
        }
        return remember(sample, made);
    }

    /** Keeps {@code picture} as the thumbnail of {@code sample}; returns it. */
    private Picture remember(String sample, Picture picture) {
        synchronized (thumbs) {
            thumbs.put(sample, picture);
        }
        return picture;
    }

    private @Nullable Picture cachedThumbnail(String sample) {
        synchronized (thumbs) {
            return thumbs.get(sample);
        }
    }

    /**
     * Decodes the frame's video once up to {@value #FRAMES_AHEAD} frames past the frame, keeping the
     * thumbnail of every frame on the way; one pass per video at a time, so a grid of its frames
     * asking at once waits for that pass instead of decoding the video once per frame.
     */
    private Picture frameThumbnail(VideoFrames.Frame frame) {
        synchronized (videoLocks.computeIfAbsent(frame.video(), v -> new Object())) {
            Picture cached = cachedThumbnail(frame.sampleName());
            if (cached != null) {
                return cached;
            }
            int first = Math.max(0, frame.index() - FRAMES_AHEAD);
            int last = Math.min(frame.frameCount() - 1, frame.index() + FRAMES_AHEAD);
            try {
                frames.decode(frame.video(), new FrameRequest(THUMB_SHORT_SIDE, 1), (index, image) -> {
                    String name = new VideoFrames.Frame(frame.video(), index, frame.frameCount()).sampleName();
                    if (index >= first && cachedThumbnail(name) == null) {
                        Thumbnail thumb = ThumbnailRenderer.render(name, image.image(), image.original(), List.of());
                        remember(name, new Picture(thumb.bytes(), thumb.mimeType(), null));
                    }
                    return index < last;
                });
            } catch (IOException | MediaException e) {
                return remember(frame.sampleName(), placeholder(message(frame.sampleName(), e)));
            }
            Picture made = cachedThumbnail(frame.sampleName());
            if (made == null) {
                made = remember(
                        frame.sampleName(),
                        placeholder("The video '" + frame.video() + "' ended before its frame " + frame.index() + "."));
            }
            return made;
        }
    }

    Picture image(String sample) {
        try {
            DecodedImage image = decode(sample, IMAGE_SHORT_SIDE);
            return new Picture(jpeg(image.image()), "image/jpeg", null);
        } catch (IOException | MediaException e) {
            return placeholder(message(sample, e));
        }
    }

    /** Why the picture of {@code sample} cannot be shown, or null when it can. */
    @Nullable
    String problem(String sample) {
        return thumbnail(sample).problem();
    }

    private DecodedImage decode(String sample, int shortSide) throws IOException, MediaException {
        Optional<VideoFrames.Frame> frame = frames.frame(sample);
        if (frame.isPresent()) {
            return frames.decodeOne(frame.get(), shortSide);
        }
        if (MediaKind.of(sample).orElse(MediaKind.VIDEO) != MediaKind.IMAGE
                || input.stat(sample).isEmpty()) {
            throw new MediaException("The input has no file " + sample
                    + " and no video it is a frame of; its predictions are shown without the picture.");
        }
        return ImageDecoder.decode(input, sample, shortSide);
    }

    private static String message(String sample, Exception e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof MediaException ? text : sample + " could not be read: " + text;
    }

    private static Picture placeholder(String problem) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x55, 0x55, 0x55));
            g.fillRect(0, 0, 320, 240);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString("cannot show this image", 50, 125);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Picture(out.toByteArray(), "image/png", problem);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding into memory cannot fail.", e);
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(rgb, "jpeg", out)) {
            throw new IOException("no JPEG writer is installed");
        }
        return out.toByteArray();
    }
}
