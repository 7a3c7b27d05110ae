package dev.winnow.format.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Diagnostic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DiagnosticCodeTest {

    @Test
    void codesAreUniqueAndTheirLetterIsTheirSeverity() {
        assertThat(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code).distinct().count())
                .isEqualTo(DiagnosticCode.values().length);
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(c.code()).matches("[EW][0-9]{3}");
            assertThat(c.severity()).isEqualTo(c.code().startsWith("E") ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING);
            assertThat(c.meaning()).endsWith(".");
        }
    }

    @Test
    void at_buildsTheDiagnostic() {
        Diagnostic d = DiagnosticCode.BBOX_OUTSIDE_IMAGE.at(".lightly/predictions/det/a/img.json", "/predictions/0/bbox", 3, 17,
                "bbox ends outside.");
        assertThat(d.toText()).isEqualTo("error E012 .lightly/predictions/det/a/img.json:3:17 /predictions/0/bbox: bbox ends outside.");
        assertThat(DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of("a.png", "No prediction.").toText())
                .isEqualTo("warning W004 a.png: No prediction.");
    }

    @Test
    void limitsAndFactsRefuseNonsense() {
        assertThat(ValidationLimits.DEFAULTS).isEqualTo(new ValidationLimits(64L << 20, 64, 100_000, 1 << 24, 100));
        assertThatThrownBy(() -> ValidationLimits.DEFAULTS.withMaxSingletons(0))
                .hasMessage("The validation limit maxSingletons must be 1 or more, but was 0.");
        assertThatThrownBy(() -> SampleFacts.of("a.png", 10, 0))
                .hasMessage("A sample size must be two positive numbers or unknown (0 x 0), but was 10 x 0.");
        assertThat(SampleFacts.of("a.png", 4, 3).pixelCount()).isEqualTo(12);
        assertThat(SampleFacts.unknown().hasSize()).isFalse();
    }
}
