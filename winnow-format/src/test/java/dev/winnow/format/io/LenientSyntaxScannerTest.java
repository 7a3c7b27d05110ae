package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LenientSyntaxScannerTest {

    private static List<String> scan(String json) {
        FileDiagnostics diagnostics = new FileDiagnostics("f.json", ValidationOptions.defaults());
        LenientSyntaxScanner.scan(json.getBytes(StandardCharsets.UTF_8), diagnostics);
        return diagnostics.result(null).diagnostics().stream()
                .map(Diagnostic::toText)
                .toList();
    }

    @Test
    void numbersAndLiterals_rightBeforeCommasClosersAndComments_areSeen() {
        assertThat(scan("{\"a\":[12.5e-3,true,null,-7],\"b\":0}")).isEmpty();
        assertThat(scan("[1.25,-3e7,]"))
                .containsExactly("warning W002 f.json:1:11: A comma before ']' is not JSON; it was ignored.");
        assertThat(scan("{\"a\":12345//x\n,\"b\":false\t,\r\n}"))
                .containsExactly(
                        "warning W001 f.json:1:11: A // comment is not JSON; it was skipped.",
                        "warning W002 f.json:2:12: A comma before '}' is not JSON; it was ignored.");
        assertThat(scan("[1,2/*,]*/]"))
                .containsExactly("warning W001 f.json:1:5: A /* */ comment is not JSON; it was skipped.");
        assertThat(scan("[1, 0x1]")).isEmpty();
    }
}
