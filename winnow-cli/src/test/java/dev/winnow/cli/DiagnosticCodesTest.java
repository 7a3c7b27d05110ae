package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code is declared once, in {@code DiagnosticCode}; code elsewhere names the constant, never the text.
 */
class DiagnosticCodesTest {
    private static final Pattern LITERAL = Pattern.compile("\"[EWCM][0-9]{3}\"");

    @Test
    void noModuleSpellsACodeOutsideTheRegistry() throws IOException {
        Path root = Objects.requireNonNull(Path.of("").toAbsolutePath().getParent(), "the module has a parent folder");
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")
                            && root.relativize(p).toString().replace('\\', '/').matches("winnow-[^/]+/src/main/java/.*")
                            && !p.getFileName().toString().equals("DiagnosticCode.java"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (LITERAL.matcher(lines.get(i)).find()) {
                        literals.add(root.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }
}
