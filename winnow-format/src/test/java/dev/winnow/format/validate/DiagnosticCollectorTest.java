package dev.winnow.format.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DiagnosticCollectorTest {

    private static Diagnostic problem(int i) {
        return DiagnosticCode.YOLO_LINE_INVALID.at(
                String.format("f%04d.txt", i / 3), "", i % 3 + 1, 1, "Line " + (i % 3 + 1) + " is skipped.");
    }

    /** The kept diagnostics, however many threads add them in whatever order. */
    private static List<Diagnostic> collect(long seed, int threads) throws InterruptedException {
        List<Diagnostic> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            all.add(problem(i));
        }
        Collections.shuffle(all, new Random(seed));
        DiagnosticCollector collector = new DiagnosticCollector(100);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Diagnostic d : all) {
            pool.execute(() -> collector.add(d));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(collector.count()).isEqualTo(3000);
        assertThat(collector.errors()).isEqualTo(3000);
        assertThat(collector.suppressed()).isEqualTo(2900);
        return collector.sorted();
    }

    @Test
    void keepsTheFirstInFileOrder_whateverTheThreadsAndArrivalOrder() throws Exception {
        List<Diagnostic> one = collect(1, 1);
        assertThat(one).hasSize(100);
        assertThat(one.get(0).file()).isEqualTo("f0000.txt");
        assertThat(one.get(99).file()).isEqualTo("f0033.txt");
        assertThat(collect(2, 4)).isEqualTo(one);
        assertThat(collect(3, 8)).isEqualTo(one);
    }

    @Test
    void oneFilesDiagnosticsWithoutPositions_keepTheOrderTheyWereFoundIn() {
        DiagnosticCollector collector = new DiagnosticCollector(10);
        collector.add(DiagnosticCode.COCO_IMAGE_INVALID.at("gt.json", "/images/4", "Fourth image."));
        collector.add(DiagnosticCode.COCO_ANNOTATION_INVALID.at("gt.json", "/annotations/1", "First annotation."));
        collector.add(DiagnosticCode.COCO_IMAGE_INVALID.at("a.json", "/images/0", "Another file."));
        assertThat(collector.sorted())
                .extracting(Diagnostic::message)
                .containsExactly("Another file.", "Fourth image.", "First annotation.");
    }

    @Test
    void refusesToKeepNothing() {
        assertThatThrownBy(() -> new DiagnosticCollector(0))
                .hasMessage("At least one diagnostic must be kept, but the limit is 0.");
        assertThat(new DiagnosticCollector().sorted()).isEmpty();
    }
}
