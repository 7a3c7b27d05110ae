package dev.winnow.media;

/**
 * Which frames of a video to hand over and at what size.
 *
 * @param targetShortSide reduce each frame by the largest integer factor that keeps its short side
 *                        at least this long ({@link Subsampling#forShortSide}); 0 keeps full size
 * @param stride          hand over every {@code stride}-th frame (0, stride, 2·stride, …); 1 for all
 */
public record FrameRequest(int targetShortSide, int stride) {
    public FrameRequest {
        if (targetShortSide < 0) {
            throw new IllegalArgumentException(
                    "The target short side must be 0 (full size) or more, but was " + targetShortSide + ".");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("The frame stride must be at least 1, but was " + stride + ".");
        }
    }

    /** Every frame at full size. */
    public static FrameRequest everyFrame() {
        return new FrameRequest(0, 1);
    }

    /** Every frame, reduced so its short side stays at least {@code targetShortSide}. */
    public static FrameRequest reducedTo(int targetShortSide) {
        return new FrameRequest(targetShortSide, 1);
    }

    /** This request, handing over every {@code stride}-th frame only. */
    public FrameRequest withStride(int stride) {
        return new FrameRequest(targetShortSide, stride);
    }

    /** Whether the frame at {@code index} is handed over. */
    public boolean wants(int index) {
        return index % stride == 0;
    }
}
