package dev.winnow.datasource;

import dev.winnow.format.Wording;

/**
 * The images and videos a command saw and the frames of those videos, said the same way in every
 * command's summary: {@code 10 images, 2 videos with 340 frames}.
 */
public record MediaCounts(long images, long videos, long frames) {

    public MediaCounts {
        if (images < 0 || videos < 0 || frames < 0) {
            throw new IllegalArgumentException("Counts of images, videos and frames cannot be negative, but were "
                    + images + ", " + videos + " and " + frames + ".");
        }
    }

    /** {@code 10 images, 2 videos with 340 frames}; only {@code 12 images} when there is no video. */
    public String describe() {
        String text = Wording.count(images, "image");
        return videos == 0
                ? text
                : text + ", " + Wording.count(videos, "video") + " with " + Wording.count(frames, "frame");
    }
}
