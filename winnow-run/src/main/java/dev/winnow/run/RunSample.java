package dev.winnow.run;

import dev.winnow.format.FrameName;
import dev.winnow.run.datapool.ProcessedSample;
import java.io.Serializable;
import java.util.Objects;

/**
 * One sample of a run: an image file, or one frame of a video file. A frame is named as DESIGN §2
 * says ({@code a/v-07-mp4.png}) and carries the size and modification time of its video, so the
 * datapool sees a frame as changed exactly when its video is.
 *
 * @param name       the sample name (the image's path, or the frame's name)
 * @param file       the file holding the pixels (the image, or the video)
 * @param frame      the 0-based frame index, or -1 for an image
 * @param frameCount the video's number of frames, or 0 for an image
 */
public record RunSample(String name, String file, int frame, int frameCount, long size, long lastModifiedMillis)
        implements Serializable {
    public RunSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }

    static RunSample image(String file, long size, long lastModifiedMillis) {
        return new RunSample(file, file, -1, 0, size, lastModifiedMillis);
    }

    static RunSample frame(String video, int frame, int frameCount, long size, long lastModifiedMillis) {
        return new RunSample(
                FrameName.of(video, frame, frameCount).sampleName(),
                video,
                frame,
                frameCount,
                size,
                lastModifiedMillis);
    }

    public boolean isFrame() {
        return frame >= 0;
    }

    /** What the datapool remembers of this sample. */
    ProcessedSample processed() {
        return new ProcessedSample(name, size, lastModifiedMillis);
    }
}
