package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleNamesTest {
    private static final String COMPOSED = "images/na\u00efve.jpg";
    private static final String DECOMPOSED = "images/nai\u0308ve.jpg";

    @Test
    void composedAndDecomposedSpellings_areOneName() {
        assertThat(COMPOSED).isNotEqualTo(DECOMPOSED);
        assertThat(SampleNames.same(COMPOSED, DECOMPOSED)).isTrue();
        assertThat(SampleNames.normalised(DECOMPOSED)).isEqualTo(COMPOSED);
        assertThat(SampleNames.same("images/naive.jpg", COMPOSED)).isFalse();
    }
}
