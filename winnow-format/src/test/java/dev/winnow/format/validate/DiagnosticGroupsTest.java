package dev.winnow.format.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticGroupsTest {

    @Test
    void aCodeMetAFewTimes_isShownOneByOne() {
        List<Diagnostic> few = List.of(
                DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of("a.png", "No prediction for a."),
                DiagnosticCode.BBOX_OUTSIDE_IMAGE.at("b.json", "/predictions/0/bbox", 2, 30, "Outside."),
                DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of("c.png", "No prediction for c."));
        assertThat(DiagnosticGroups.lines(few))
                .containsExactly(
                        "warning W004 a.png: No prediction for a.",
                        "error E012 b.json:2:30 /predictions/0/bbox: Outside.",
                        "warning W004 c.png: No prediction for c.");
    }

    @Test
    void aCodeMetOften_isOneLineWithItsCountMeaningAndFirstPlaces_whereItsFirstWouldBe() {
        List<Diagnostic> many = new ArrayList<>();
        many.add(DiagnosticCode.BBOX_OUTSIDE_IMAGE.at("a.json", "/predictions/0/bbox", 2, 30, "Outside."));
        for (int i = 0; i < 5; i++) {
            many.add(
                    DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of("img" + i + ".png", "No prediction for img" + i + "."));
        }
        many.add(DiagnosticCode.COCO_ANNOTATION_INVALID.at("gt.json", "/annotations/3", "Not an object."));
        for (int i = 0; i < 4; i++) {
            many.add(DiagnosticCode.YOLO_LINE_INVALID
                    .of("l" + i + ".txt", "Bad line.")
                    .at(i + 1, 1));
        }
        assertThat(DiagnosticGroups.lines(many))
                .containsExactly(
                        "error E012 a.json:2:30 /predictions/0/bbox: Outside.",
                        "warning W004 (5 times): A sample has no prediction file in a task. First at "
                                + "img0.png, img1.png, img2.png; the first says: No prediction for img0.",
                        "error C105 gt.json /annotations/3: Not an object.",
                        "error C201 (4 times): A YOLO label line has the wrong number of values or an "
                                + "invalid one; it is skipped."
                                + " First at l0.txt:1:1, l1.txt:2:1, l2.txt:3:1; the first says: Bad line.");
    }
}
