package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged writes, folder moves and folder deletion of {@link LocalDatasource} and their guard in {@link OutputLocation}.
 */
class FolderOperationsTest {
    private static final byte[] BYTES = "x".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeInStaging_createsFoldersWritesInPlaceAndReplaces() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);

        source.writeInStaging("stage/a/b/1.json", utf8("{\"a\":1}"));
        source.writeInStaging("stage/a/b/2.json", utf8("{}"));
        source.writeInStaging("stage/a/b/1.json", utf8("[]"));

        assertThat(Files.readString(dir.resolve("stage/a/b/1.json"))).isEqualTo("[]");
        assertThat(Files.readString(dir.resolve("stage/a/b/2.json"))).isEqualTo("{}");
        assertThat(names(dir.resolve("stage/a/b"))).containsExactly("1.json", "2.json");
        assertThatThrownBy(() -> source.writeInStaging("../x.json", BYTES))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '../x.json' leaves the datasource root " + source.description()
                        + ": '..' segments are not allowed.");
    }

    @Test
    void writeInStaging_refusesAFolderLinkLeavingTheRootAndReplacesAFileLink(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.json"), "s");
        Files.createSymbolicLink(dir.resolve("out"), outside);
        Files.createDirectories(dir.resolve("stage"));
        Files.createSymbolicLink(dir.resolve("stage/a.json"), outside.resolve("secret.json"));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> source.writeInStaging("out/new.json", BYTES))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'out/new.json' resolves through a link to " + outside.toRealPath()
                        + ", outside the datasource root " + source.description() + ".");
        source.writeInStaging("stage/a.json", utf8("new"));

        assertThat(Files.isSymbolicLink(dir.resolve("stage/a.json"))).isFalse();
        assertThat(Files.readString(dir.resolve("stage/a.json"))).isEqualTo("new");
        assertThat(Files.readString(outside.resolve("secret.json"))).isEqualTo("s");
        assertThat(names(outside)).containsExactly("secret.json");
    }

    @Test
    void moveFolder_renamesTheWholeTreeAndCreatesTheParent() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        source.writeInStaging("p/.t.staging/a.json", utf8("1"));
        source.writeInStaging("p/.t.staging/sub/b.json", utf8("2"));

        assertThat(source.canMoveFolders()).isTrue();
        source.moveFolder("p/.t.staging", "q/r/t");

        assertThat(source.list("")).containsExactly("q/r/t/a.json", "q/r/t/sub/b.json");
        assertThat(Files.exists(dir.resolve("p/.t.staging"))).isFalse();
        assertThat(Files.readString(dir.resolve("q/r/t/sub/b.json"))).isEqualTo("2");
    }

    @Test
    void writeInStaging_afterItsFolderWasMovedAway_makesTheFolderAgain() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        source.writeInStaging("p/.t.staging/sub/a.json", utf8("1"));
        source.moveFolder("p/.t.staging", "p/t");

        source.writeInStaging("p/.t.staging/sub/b.json", utf8("2"));

        assertThat(source.list("")).containsExactly("p/.t.staging/sub/b.json", "p/t/sub/a.json");
    }

    @Test
    void moveFolder_refusesAnExistingTargetAMissingSourceALinkAndItsOwnInside() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        String root = source.description();
        source.writeInStaging("a/1.json", BYTES);
        source.writeInStaging("b/2.json", BYTES);
        Files.createDirectories(dir.resolve("empty"));
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("a"));

        assertThatThrownBy(() -> source.moveFolder("a", "b"))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("b: cannot move the folder 'a' there: it exists in " + root);
        assertThatThrownBy(() -> source.moveFolder("a", "empty"))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("empty: cannot move the folder 'a' there: it exists in " + root);
        assertThatThrownBy(() -> source.moveFolder("missing", "c"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("missing: no such folder in " + root);
        assertThatThrownBy(() -> source.moveFolder("alias", "c"))
                .isInstanceOf(NotDirectoryException.class)
                .hasMessage("'alias' in " + root + " is a link, not a folder");
        assertThatThrownBy(() -> source.moveFolder("a/1.json", "c"))
                .isInstanceOf(NotDirectoryException.class)
                .hasMessage("'a/1.json' in " + root + " is a file, not a folder");
        assertThatThrownBy(() -> source.moveFolder("a", "a/inner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "The folder 'a' in " + root + " cannot be moved to 'a/inner', which is itself or inside it.");
        assertThatThrownBy(() -> source.moveFolder("a", "../c"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '../c' leaves the datasource root " + root + ": '..' segments are not allowed.");
        assertThatThrownBy(() -> source.moveFolder("", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An empty path names the root of " + root + ", not a file.");

        assertThat(source.list("")).containsExactly("a/1.json", "b/2.json");
        assertThat(Files.isSymbolicLink(dir.resolve("alias"))).isTrue();
    }

    @Test
    void moveFolder_refusesADestinationThroughALinkLeavingTheRoot(@TempDir Path outside) throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        source.writeInStaging("a/1.json", BYTES);
        Files.createSymbolicLink(dir.resolve("out"), outside);

        assertThatThrownBy(() -> source.moveFolder("a", "out/a"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'out/a' resolves through a link to " + outside.toRealPath()
                        + ", outside the datasource root " + source.description() + ".");
        assertThat(names(outside)).isEmpty();
        assertThat(Files.readString(dir.resolve("a/1.json"))).isEqualTo("x");
    }

    @Test
    void exchangeFolders_swapsTwoWholeTreesOrRefusesOneInsideTheOther() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        source.writeInStaging("old/a/1.json", utf8("old"));
        source.writeInStaging("stage/b/2.json", utf8("new"));

        assertThat(source.exchangeFolders("stage", "old")).isTrue();

        assertThat(Files.readString(dir.resolve("old/b/2.json"))).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("stage/a/1.json"))).isEqualTo("old");
        assertThat(names(dir.resolve("old"))).containsExactly("b");
        assertThat(names(dir.resolve("stage"))).containsExactly("a");
        assertThatThrownBy(() -> source.exchangeFolders("old", "old/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The folders 'old' and 'old/b' in " + source.description()
                        + " cannot be swapped: one is the other or inside it.");
        assertThatThrownBy(() -> source.exchangeFolders("old", "none"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("none: no such folder in " + source.description());
        assertThat(Files.readString(dir.resolve("old/b/2.json"))).isEqualTo("new");
    }

    @Test
    void deleteFolder_removesTheTreeButNothingALinkPointsTo(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("keep.txt"), "k");
        LocalDatasource source = LocalDatasource.at(dir);
        source.writeInStaging("old/a.json", BYTES);
        source.writeInStaging("old/x/y/b.json", BYTES);
        source.writeInStaging("other/c.json", BYTES);
        Files.createSymbolicLink(dir.resolve("old/x/outside"), outside);
        Files.createSymbolicLink(dir.resolve("old/file-link"), outside.resolve("keep.txt"));

        source.deleteFolder("old");
        source.deleteFolder("missing");

        assertThat(names(dir)).containsExactly("other");
        assertThat(names(outside)).containsExactly("keep.txt");
        // The folder can be made again: staged writes do not rely on a folder remembered before the delete.
        source.writeInStaging("old/a.json", utf8("again"));
        assertThat(Files.readString(dir.resolve("old/a.json"))).isEqualTo("again");
    }

    @Test
    void deleteFolder_refusesALinkedFolder(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("keep.txt"), "k");
        Files.createSymbolicLink(dir.resolve("out"), outside);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> source.deleteFolder("out"))
                .isInstanceOf(NotDirectoryException.class)
                .hasMessage("'out' in " + source.description() + " is a link, not a folder");
        assertThat(names(outside)).containsExactly("keep.txt");
    }

    @Test
    void outputLocation_allowsFolderChangesOnlyBelowOwnedFoldersOfTheInput() throws IOException {
        Files.createDirectories(dir.resolve("images/sub"));
        Files.writeString(dir.resolve("images/sub/a.jpg"), "jpeg");
        LocalDatasource input = LocalDatasource.at(dir);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(dir), input);
        String refused = "' in the input location " + dir + ": Winnow writes there only below .winnow/ or .lightly/.";

        output.writeInStaging(".lightly/predictions/.t.staging-1/a.json", BYTES);
        output.moveFolder(".lightly/predictions/.t.staging-1", ".lightly/predictions/t");
        assertThat(output.canMoveFolders()).isTrue();
        assertThat(output.list(".lightly")).containsExactly(".lightly/predictions/t/a.json");

        assertThatThrownBy(() -> output.writeInStaging("images/b.json", BYTES))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to write 'images/b.json' into the input location " + dir
                        + ": Winnow writes there only below .winnow/ or .lightly/.");
        assertThatThrownBy(() -> output.moveFolder(".lightly/predictions/t", "images/t"))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to change the folder 'images/t" + refused);
        assertThatThrownBy(() -> output.moveFolder("images/sub", ".lightly/sub"))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to change the folder 'images/sub" + refused);
        assertThatThrownBy(() -> output.deleteFolder("images"))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessage("Refusing to change the folder 'images" + refused);
        output.deleteFolder(".lightly/predictions/t");

        assertThat(output.list("")).containsExactly("images/sub/a.jpg");
    }

    @Test
    void datasourcesWithoutFolders_sayTheyCannotMoveThem() {
        Datasource bucket = new Datasource() {
            @Override
            public String description() {
                return "bucket";
            }

            @Override
            public List<String> list(String prefix) {
                return List.of();
            }

            @Override
            public Optional<FileStat> stat(String path) {
                return Optional.empty();
            }

            @Override
            public InputStream open(String path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SeekableByteChannel openSeekable(String path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] readAllBytes(String path, long maxBytes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writeAtomically(String path, byte[] contents) {}
        };

        assertThat(bucket.canMoveFolders()).isFalse();
        assertThatThrownBy(() -> bucket.moveFolder("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("bucket cannot move folders.");
        assertThatThrownBy(() -> bucket.deleteFolder("a"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("bucket cannot delete folders.");
    }
}
