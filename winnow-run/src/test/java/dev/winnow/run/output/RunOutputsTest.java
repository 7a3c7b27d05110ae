package dev.winnow.run.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Diagnostic;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOutputsTest {

    @Test
    void selectedText_oneNamePerLine() {
        assertThat(RunOutputs.selectedText(List.of("b.png", "a/c.jpg"))).isEqualTo("b.png\na/c.jpg\n");
    }

    @Test
    void selectionCsv_listsPicksWithTheirObjectives() {
        String csv = RunOutputs.selectionCsv(
                List.of("b.png", "a,1.png"),
                new double[] {1, 0.25},
                List.of("EMBEDDINGS->DIVERSITY", "SCORES(t/s)->WEIGHTS"),
                new double[][] {{1, 0.5}, {1, 0.5}});
        assertThat(csv).isEqualTo("""
                sample,order,value,EMBEDDINGS->DIVERSITY,SCORES(t/s)->WEIGHTS
                b.png,1,1,1,1
                "a,1.png",2,0.25,0.5,0.5
                """);
    }

    @Test
    void scoresCsv_hasAColumnPerScoreAndARowPerSample() throws Exception {
        StringWriter out = new StringWriter();
        RunOutputs.writeScoresCsv(
                out,
                List.of("a.png", "b.png"),
                List.of("det.uncertainty_entropy", "det.object_frequency"),
                List.of(new double[] {0.125, 0}, new double[] {1, 0.9}));
        assertThat(out.toString()).isEqualTo("""
                sample,det.uncertainty_entropy,det.object_frequency
                a.png,0.125,1
                b.png,0,0.9
                """);
    }

    @Test
    void embeddingsCsv_usesThePrecomputedEmbeddingsLayout() throws Exception {
        StringWriter out = new StringWriter();
        RunOutputs.writeEmbeddingsCsv(out, List.of("a.png", "b.png"), new float[] {0.6f, 0.8f, 1f, 0f}, 2);
        assertThat(out.toString()).isEqualTo("""
                filenames,embedding_0,embedding_1,labels
                a.png,0.6,0.8,0
                b.png,1.0,0.0,0
                """);
    }

    @Test
    void diagnosticsJsonl_oneObjectPerLine() {
        String jsonl = RunOutputs.diagnosticsJsonl(List.of(
                Diagnostic.error("E012", "p/a.json", "/predictions/0/bbox", "Outside \"here\".")
                        .at(2, 30),
                Diagnostic.warning("W101", "", "", "2 videos were left out.")));
        assertThat(jsonl).isEqualTo("""
                {"severity":"error","code":"E012","file":"p/a.json","pointer":"/predictions/0/bbox","line":2,\
                "column":30,"message":"Outside \\"here\\"."}
                {"severity":"warning","code":"W101","file":"","pointer":"","line":null,"column":null,"message":"2 \
                videos were left out."}
                """);
    }
}
