package dev.winnow.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void count_isSingularForOneOnly() {
        assertThat(Wording.count(1, "item")).isEqualTo("1 item");
        assertThat(Wording.count(0, "item")).isEqualTo("0 items");
        assertThat(Wording.count(2, "prediction file")).isEqualTo("2 prediction files");
        assertThat(Wording.count(1, "item was", "items were")).isEqualTo("1 item was");
        assertThat(Wording.count(3, "item was", "items were")).isEqualTo("3 items were");
    }

    @Test
    void number_hasNoBinaryNoise() {
        assertThat(Wording.number(0.2 + 0.3 + 0.4)).isEqualTo("0.9");
        assertThat(Wording.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Wording.number(3.0)).isEqualTo("3");
        assertThat(Wording.number(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Wording.number(1.25)).isEqualTo("1.25");
    }
}
