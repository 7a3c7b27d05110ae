package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Frame names format and parse back, for any stem, extension, frame count and index. */
class FrameNameProperties {
    @Property(tries = 500)
    void formatThenParse_givesTheVideoAndIndexBack(
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String stem,
            @ForAll @AlphaChars @StringLength(min = 1, max = 4) String ext,
            @ForAll @IntRange(min = 1, max = 2_000_000) int frameCount,
            @ForAll @IntRange(min = 0, max = 1_999_999) int anyIndex,
            @ForAll boolean inFolder) {
        int index = anyIndex % frameCount;
        String video = (inFolder ? "clips/a-1-b/" : "") + stem + "." + ext;
        FrameName name = FrameName.of(video, index, frameCount);
        FrameName.Parsed parsed = FrameName.parse(name.base()).orElseThrow();
        assertThat(parsed.video()).isEqualTo(video);
        assertThat(parsed.index()).isEqualTo(index);
        assertThat(parsed.paddedFor(frameCount)).isTrue();
        assertThat(parsed.indexText()).hasSize(Integer.toString(frameCount).length());
        assertThat(name.sampleName()).isEqualTo(name.base() + ".png");
    }
}
