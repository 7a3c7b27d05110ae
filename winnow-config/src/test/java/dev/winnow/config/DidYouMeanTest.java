package dev.winnow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void distance_countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(DidYouMean.distance("strategy", "strategy")).isEqualTo(0);
        assertThat(DidYouMean.distance("stratgy", "strategy")).isEqualTo(1);
        assertThat(DidYouMean.distance("strategyy", "strategy")).isEqualTo(1);
        assertThat(DidYouMean.distance("stratefy", "strategy")).isEqualTo(1);
        assertThat(DidYouMean.distance("startegy", "strategy")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggest_closestWithinTwo_ignoringCase() {
        List<String> keys = List.of("n_samples", "proportion_samples", "strategies");
        assertThat(DidYouMean.suggest("n_sample", keys)).contains("n_samples");
        assertThat(DidYouMean.suggest("STRATEGIES", keys)).contains("strategies");
        assertThat(DidYouMean.suggest("stratagiess", keys)).contains("strategies");
        assertThat(DidYouMean.suggest("quota", keys)).isEmpty();
    }

    @Test
    void suggest_tiesGoToTheFirstCandidate() {
        assertThat(DidYouMean.suggest("ab", List.of("ac", "ad"))).contains("ac");
    }

    @Test
    void hint_isASentenceOrEmpty() {
        assertThat(DidYouMean.hint("typ", List.of("type"))).isEqualTo(" Did you mean 'type'?");
        assertThat(DidYouMean.hint("zzzz", List.of("type"))).isEmpty();
    }
}
