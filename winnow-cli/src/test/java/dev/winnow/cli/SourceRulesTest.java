package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the Java sources of every module that neither the compiler nor the formatter enforces:
 * lines fit in {@value #MAX_COLUMNS} columns (the formatter does not split string literals or
 * comments), and every package of main code is {@code @NullMarked}, so NullAway checks it.
 */
class SourceRulesTest {
    static final int MAX_COLUMNS = 120;

    @Test
    void everyLine_fitsTheColumnLimit() throws IOException {
        List<String> longLines = new ArrayList<>();
        for (Path file : javaFiles("")) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int columns = line.codePointCount(0, line.length());
                if (columns > MAX_COLUMNS) {
                    longLines.add(root().relativize(file) + ":" + (i + 1) + " has " + columns + " columns");
                }
            }
        }
        assertThat(longLines).isEmpty();
    }

    @Test
    void everyMainPackage_isNullMarked() throws IOException {
        TreeSet<String> unmarked = new TreeSet<>();
        for (Path file : javaFiles("src/main/java")) {
            Path info = file.resolveSibling("package-info.java");
            if (!Files.isRegularFile(info) || !Files.readString(info).contains("@NullMarked")) {
                unmarked.add(root().relativize(file.getParent()).toString());
            }
        }
        assertThat(unmarked).isEmpty();
    }

    /** The Java files of every module's {@code src/} (or of one of its sub-folders). */
    private static List<Path> javaFiles(String under) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root())) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .toList()) {
                Path sources = module.resolve(under.isEmpty() ? "src" : under);
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> walk = Files.walk(sources)) {
                        walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                    }
                }
            }
        }
        assertThat(files).as("the Java sources of the repository").isNotEmpty();
        return files;
    }

    /** The repository root: the nearest folder above the module that holds the Maven wrapper. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = Objects.requireNonNull(dir.getParent(), "a folder above the module holds mvnw");
        }
        return dir;
    }
}
