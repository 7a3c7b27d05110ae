package dev.winnow.format.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagnosticCodeTest {

    @Test
    void codesAreUniqueAndTheirLetterIsTheirSeverity() {
        assertThat(Arrays.stream(DiagnosticCode.values())
                        .map(DiagnosticCode::code)
                        .distinct()
                        .count())
                .isEqualTo(DiagnosticCode.values().length);
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(c.code()).matches("[EWCM][0-9]{3}");
            if (c.code().startsWith("E") || c.code().startsWith("W")) {
                assertThat(c.severity())
                        .isEqualTo(c.code().startsWith("E") ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING);
            }
            assertThat(c.meaning()).endsWith(".");
        }
        assertThat(DiagnosticCode.byCode("C203")).contains(DiagnosticCode.YOLO_LABEL_WITHOUT_IMAGE);
        assertThat(DiagnosticCode.YOLO_LABEL_WITHOUT_IMAGE.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(DiagnosticCode.byCode("C999")).isEmpty();
    }

    /**
     * The README's table of codes lists every registered code, in order, with its severity and meaning, and nothing
     * else.
     */
    @Test
    void readmeTable_isTheRegistry() throws Exception {
        Path readme = Path.of("..", "README.md");
        Pattern row = Pattern.compile("^\\| `([A-Z][0-9]{3})` \\| (error|warning) \\| (.*) \\|$");
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        List<String> registered = Arrays.stream(DiagnosticCode.values())
                .map(c -> c.code() + " " + c.severity().label() + " " + c.meaning())
                .toList();
        assertThat(documented).containsExactlyElementsOf(registered);
    }

    @Test
    void at_buildsTheDiagnostic() {
        Diagnostic d = DiagnosticCode.BBOX_OUTSIDE_IMAGE.at(
                ".lightly/predictions/det/a/img.json", "/predictions/0/bbox", 3, 17, "bbox ends outside.");
        assertThat(d.toText())
                .isEqualTo(
                        "error E012 .lightly/predictions/det/a/img.json:3:17 /predictions/0/bbox: bbox ends outside.");
        assertThat(DiagnosticCode.SAMPLE_WITHOUT_PREDICTION
                        .of("a.png", "No prediction.")
                        .toText())
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
