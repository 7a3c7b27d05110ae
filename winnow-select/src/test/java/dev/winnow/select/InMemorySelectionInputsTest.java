package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class InMemorySelectionInputsTest {

    private static final List<String> NAMES = List.of("a.png", "b.png", "c.png");

    @Test
    void everyInput_mustCoverEverySample() {
        InMemorySelectionInputs.Builder builder = InMemorySelectionInputs.builder(NAMES);
        assertThatThrownBy(() -> builder.scores("det", "uncertainty_entropy", new double[] {1, 2}))
                .hasMessage("The score 'uncertainty_entropy' of task 'det' has 2 rows, but there are 3 samples.");
        assertThatThrownBy(() -> builder.embeddings(new EmbeddingMatrix(new float[4], 2)))
                .hasMessage("The embeddings has 2 rows, but there are 3 samples.");
        assertThatThrownBy(() -> builder.metadata("lightly.width", new double[4]))
                .hasMessage("The metadata 'lightly.width' has 4 rows, but there are 3 samples.");
        assertThatThrownBy(() -> builder.classDistribution("cls", new ClassTable(List.of("x"), new double[2])))
                .hasMessage("The class distribution of task 'cls' has 2 rows, but there are 3 samples.");
    }

    @Test
    void aScoreOrMetadataNotPut_isNamed() {
        SelectionInputs inputs = InMemorySelectionInputs.builder(NAMES)
                .scores("det", "s", new double[] {0.5, 0.2, 0.9})
                .build();
        assertThatThrownBy(() -> inputs.scores("det", "t"))
                .isInstanceOf(SelectionException.class)
                .hasMessage("Task 'det' has no score 't'.");
        assertThatThrownBy(() -> inputs.scores("cls", "s")).hasMessage("Task 'cls' has no score 's'.");
        assertThatThrownBy(() -> inputs.metadata("lightly.width"))
                .isInstanceOf(SelectionException.class)
                .hasMessage("No sample has the metadata key 'lightly.width'.");
    }

    @Test
    void selectorReadsWhatWasPut() {
        SelectionInputs inputs = InMemorySelectionInputs.builder(NAMES)
                .embeddings(new EmbeddingMatrix(new float[] {1, 0, 0, 1, -1, 0}, 2))
                .earlierSelections(Optional.empty(), new EmbeddingMatrix(new float[] {1, 0}, 2))
                .scores("det", "s", new double[] {0.5, 0.2, 0.9})
                .build();
        assertThat(inputs.tasks()).containsExactly("det");
        assertThat(inputs.scoreNames("det")).containsExactly("s");
        SelectionConfig config = new SelectionConfig(
                new SampleBudget.Count(1),
                List.of(new StrategyConfig(
                        new SelectionInput.Embeddings(Optional.empty()),
                        new SelectionStrategy.Diversity(OptionalDouble.empty(), 1))));
        // The earlier selection sits on a.png, so the farthest is c.png.
        assertThat(new Selector(1, null).select(config, inputs, 0).picks()).containsExactly(2);
        assertThatThrownBy(() -> inputs.queryFile("q.txt"))
                .hasMessage("Query files cannot be read here; list the query samples in 'query_filenames'.");
    }
}
