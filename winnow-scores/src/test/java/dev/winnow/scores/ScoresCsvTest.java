package dev.winnow.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresCsvTest {

    @Test
    void header_thenOneLinePerSample_withRoundTrippableValues() {
        ActiveLearningScores scores = new ActiveLearningScores(
                "cls",
                List.of(ScoreName.UNCERTAINTY_LEAST_CONFIDENCE, ScoreName.UNCERTAINTY_ENTROPY),
                List.of("a.png", "b/c.jpg"),
                new double[] {0.1 + 0.2, 1.0E-7, 0.0, 1.0},
                List.of());

        String csv = ScoresCsv.toCsv(scores);

        assertThat(csv).isEqualTo("""
                sample,uncertainty_least_confidence,uncertainty_entropy
                a.png,0.30000000000000004,1.0E-7
                b/c.jpg,0.0,1.0
                """);
    }

    @Test
    void namesWithCommasOrQuotes_areQuoted() {
        ActiveLearningScores scores = new ActiveLearningScores(
                "pose",
                List.of(ScoreName.MEAN_UNCERTAINTY),
                List.of("a,b.png", "say \"hi\".png"),
                new double[] {0.5, 0.25},
                List.of());

        assertThat(ScoresCsv.toCsv(scores)).isEqualTo("""
                sample,mean_uncertainty
                "a,b.png",0.5
                "say ""hi"".png",0.25
                """);
    }

    @Test
    void valueCountMustMatchTheShape() {
        assertThatThrownBy(() -> new ActiveLearningScores(
                        "pose",
                        List.of(ScoreName.MEAN_UNCERTAINTY),
                        List.of("a.png"),
                        new double[] {0.5, 0.25},
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scores need 1 x 1 values, but 2 were given.");
    }

    @Test
    void scoreNames_roundTripThroughTheirWireNames() {
        assertThat(Arrays.stream(ScoreName.values()).map(ScoreName::wireName))
                .containsExactly(
                        "objectness_least_confidence",
                        "object_frequency",
                        "uncertainty_least_confidence",
                        "uncertainty_margin",
                        "uncertainty_entropy",
                        "mean_uncertainty");
        for (ScoreName name : ScoreName.values()) {
            assertThat(ScoreName.fromWireName(name.wireName())).contains(name);
        }
        assertThat(ScoreName.fromWireName("uncertainty")).isEmpty();
    }
}
