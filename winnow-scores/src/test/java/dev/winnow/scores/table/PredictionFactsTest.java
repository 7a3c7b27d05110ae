package dev.winnow.scores.table;

import static dev.winnow.scores.table.Fixtures.box;
import static dev.winnow.scores.table.Fixtures.file;
import static dev.winnow.scores.table.Fixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.TaskType;
import org.junit.jupiter.api.Test;

class PredictionFactsTest {

    @Test
    void counts_andDistribution_perSample() {
        PredictionsTable table = new PredictionsTableBuilder("cars", schema(TaskType.OBJECT_DETECTION, 0, 5, 9))
                .add("a.png", file(box(5, 0.9), box(5, 0.8, 0.25, 0.5, 0.25), box(9, 0.7)))
                .add("b.png", file())
                .add("c.png", file(box(0, 0.6, 0.5, 0.5, 0)))
                .build();

        PredictionFacts facts = PredictionFacts.of(table);

        assertThat(facts.sampleCount()).isEqualTo(3);
        assertThat(facts.categoryCount()).isEqualTo(3);
        assertThat(facts.objectCounts()).containsExactly(3, 0, 1);
        assertThat(facts.objectCount(0)).isEqualTo(3);
        assertThat(facts.categoryCount(0, 1)).isEqualTo(2);
        assertThat(facts.categoryCount(0, 2)).isEqualTo(1);
        assertThat(facts.values(PredictionFact.CATEGORY_COUNT))
                .isDeepEqualTo(new double[][] {{0, 2, 1}, {0, 0, 0}, {1, 0, 0}});
        // One-hot for the boxes without probabilities, their vector for the others.
        assertThat(facts.values(PredictionFact.CLASS_DISTRIBUTION))
                .isDeepEqualTo(new double[][] {{0.25, 1.5, 1.25}, {0, 0, 0}, {0.5, 0.5, 0}});
        assertThat(facts.classDistribution(2)).containsExactly(0.5, 0.5, 0);
    }
}
