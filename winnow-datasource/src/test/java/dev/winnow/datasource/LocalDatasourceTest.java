package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatasourceTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void list_isRecursiveSortedFilesOnly() throws IOException {
        write("b/z.jpg", "1");
        write("b/a/y.png", "2");
        write("a.txt", "3");
        write("B.jpg", "4");
        Files.createDirectories(dir.resolve("empty/folder"));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.list("")).containsExactly("B.jpg", "a.txt", "b/a/y.png", "b/z.jpg");
        assertThat(source.list("b")).containsExactly("b/a/y.png", "b/z.jpg");
        assertThat(source.list("b/")).containsExactly("b/a/y.png", "b/z.jpg");
        assertThat(source.list("missing")).isEmpty();
        assertThat(source.list("a.txt")).isEmpty();
    }

    @Test
    void list_includesLinkedFilesButDoesNotEnterLinkedFolders(@TempDir Path outside) throws IOException {
        write("real.jpg", "x");
        Files.writeString(outside.resolve("secret.jpg"), "s");
        Files.createSymbolicLink(dir.resolve("inside-link.jpg"), dir.resolve("real.jpg"));
        Files.createSymbolicLink(dir.resolve("outside-link.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(dir.resolve("folder-link"), outside);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.list("")).containsExactly("inside-link.jpg", "outside-link.jpg", "real.jpg");
    }

    @Test
    void list_ofAPrefixThatIsALinkInsideTheRoot_namesFilesByThePrefix() throws IOException {
        write("real/x/a.jpg", "1");
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.list("alias")).containsExactly("alias/x/a.jpg");
        assertThat(source.list("")).containsExactly("real/x/a.jpg");
    }

    @Test
    void rootReachedThroughALink_listsAndReads(@TempDir Path elsewhere) throws IOException {
        write("a/b.jpg", "b");
        Path link = Files.createSymbolicLink(elsewhere.resolve("link"), dir);
        LocalDatasource source = LocalDatasource.at(link);

        assertThat(source.list("")).containsExactly("a/b.jpg");
        assertThat(source.readAllBytes("a/b.jpg", 10)).isEqualTo("b".getBytes(StandardCharsets.UTF_8));
        assertThat(source.description()).isEqualTo(link.toString());
    }

    @Test
    void stat_givesSizeAndTimeOrEmpty() throws IOException {
        Path file = write("a/b.bin", "hello");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.stat("a/b.bin")).contains(new Datasource.FileStat(5, 1_700_000_000_000L));
        assertThat(source.stat("a/missing.bin")).isEmpty();
        assertThat(source.stat("a")).isEmpty();
    }

    @Test
    void listWithStats_givesEachFilesSizeAndTimeSortedAndSkipsTheNamedFolders() throws IOException {
        Files.setLastModifiedTime(write("b/z.jpg", "12345"), FileTime.fromMillis(1_700_000_001_000L));
        Files.setLastModifiedTime(write("a.png", "1"), FileTime.fromMillis(1_700_000_002_000L));
        Path target = write("b/t.txt", "123");
        Files.setLastModifiedTime(target, FileTime.fromMillis(1_700_000_003_000L));
        Files.createSymbolicLink(dir.resolve("b/link.txt"), target);
        write("b/.lightly/p.json", "{}");
        LocalDatasource source = LocalDatasource.at(dir);
        // A link inside the root is listed with its target's size and time, as stat gives them.
        assertThat(source.listWithStats("", Set.of(".lightly")))
                .containsExactly(
                        new Datasource.ListedFile("a.png", 1, 1_700_000_002_000L),
                        new Datasource.ListedFile("b/link.txt", 3, 1_700_000_003_000L),
                        new Datasource.ListedFile("b/t.txt", 3, 1_700_000_003_000L),
                        new Datasource.ListedFile("b/z.jpg", 5, 1_700_000_001_000L));
        assertThat(source.listWithStats("b", Set.of()))
                .extracting(Datasource.ListedFile::path)
                .containsExactly("b/.lightly/p.json", "b/link.txt", "b/t.txt", "b/z.jpg");
        assertThat(source.listWithStats("missing", Set.of())).isEmpty();
    }

    @Test
    void open_andOpenSeekable_readTheFile() throws IOException {
        write("x/data.txt", "0123456789");
        LocalDatasource source = LocalDatasource.at(dir);

        try (InputStream in = source.open("x/data.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        }
        try (SeekableByteChannel channel = source.openSeekable("x/data.txt")) {
            channel.position(6);
            ByteBuffer buffer = ByteBuffer.allocate(4);
            channel.read(buffer);
            assertThat(new String(buffer.array(), StandardCharsets.UTF_8)).isEqualTo("6789");
            assertThat(channel.size()).isEqualTo(10);
        }
    }

    @Test
    void open_missingFile_namesTheFileAndRoot() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> source.open("no/such.jpg"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(
                        "no/such.jpg: no such file in " + dir.toAbsolutePath().normalize());
    }

    @Test
    void readAllBytes_withinLimit() throws IOException {
        write("f.json", "{\"a\":1}");
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.readAllBytes("f.json", 7)).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(source.readAllBytes("f.json", Long.MAX_VALUE))
                .isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readAllBytes_overLimit_namesFileAndLimit() throws IOException {
        write("big/f.json", "{\"a\":12}");
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> source.readAllBytes("big/f.json", 7))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("The file 'big/f.json' in " + source.description()
                        + " is 8 bytes, larger than the limit of 7 bytes.");
    }

    @Test
    void writeAtomically_createsParentsReplacesAndLeavesNoTemporaryFile() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);

        source.writeAtomically(".winnow/runs/r1/selected.txt", "a\n".getBytes(StandardCharsets.UTF_8));
        source.writeAtomically(".winnow/runs/r1/selected.txt", "b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(dir.resolve(".winnow/runs/r1/selected.txt")))
                .isEqualTo("b\n");
        try (Stream<Path> files = Files.list(dir.resolve(".winnow/runs/r1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("selected.txt");
        }
    }

    @Test
    void writeAtomicallyWithoutSync_alsoRenamesIntoPlace() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);

        source.writeAtomicallyWithoutSync("out/a/b.json", "{}".getBytes(StandardCharsets.UTF_8));
        source.writeAtomicallyWithoutSync("out/a/b.json", "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(dir.resolve("out/a/b.json"))).isEqualTo("[]");
        try (Stream<Path> files = Files.list(dir.resolve("out/a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("b.json");
        }
        assertThatThrownBy(() -> source.writeAtomicallyWithoutSync("../b.json", new byte[0]))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '../b.json' leaves the datasource root " + source.description()
                        + ": '..' segments are not allowed.");
    }

    @Test
    void paths_absoluteOrDotDot_areRefused() throws IOException {
        LocalDatasource source = LocalDatasource.at(dir);
        String root = source.description();

        assertThatThrownBy(() -> source.open("/etc/passwd"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '/etc/passwd' is absolute; paths must be relative to the datasource root " + root
                        + ".");
        assertThatThrownBy(() -> source.stat("a/../../x.jpg"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'a/../../x.jpg' leaves the datasource root " + root
                        + ": '..' segments are not allowed.");
        assertThatThrownBy(() -> source.writeAtomically("../x.txt", new byte[0]))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage(
                        "The path '../x.txt' leaves the datasource root " + root + ": '..' segments are not allowed.");
        assertThatThrownBy(() -> source.list("../"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '../' leaves the datasource root " + root + ": '..' segments are not allowed.");
        assertThat(Files.exists(dir.resolveSibling("x.txt"))).isFalse();
    }

    @Test
    void paths_throughLinksLeavingTheRoot_areRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.jpg"), "s");
        Files.createSymbolicLink(dir.resolve("escape.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(dir.resolve("out"), outside);
        LocalDatasource source = LocalDatasource.at(dir);
        String expected = "The path 'escape.jpg' resolves through a link to "
                + outside.toRealPath().resolve("secret.jpg") + ", outside the datasource root " + source.description()
                + ".";

        assertThatThrownBy(() -> source.open("escape.jpg"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> source.stat("escape.jpg"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> source.readAllBytes("escape.jpg", 10))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> source.openSeekable("out/secret.jpg"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'out/secret.jpg' resolves through a link to "
                        + outside.toRealPath().resolve("secret.jpg") + ", outside the datasource root "
                        + source.description() + ".");
        assertThatThrownBy(() -> source.writeAtomically("out/new.txt", new byte[] {1}))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'out/new.txt' resolves through a link to " + outside.toRealPath()
                        + ", outside the datasource root " + source.description() + ".");
        assertThatThrownBy(() -> source.list("out"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'out' resolves through a link to " + outside.toRealPath()
                        + ", outside the datasource root " + source.description() + ".");
        assertThat(Files.exists(outside.resolve("new.txt"))).isFalse();
    }

    @Test
    void linkInsideTheRoot_isFollowed() throws IOException {
        write("real/a.jpg", "abc");
        Files.createSymbolicLink(dir.resolve("alias.jpg"), dir.resolve("real/a.jpg"));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.readAllBytes("alias.jpg", 100)).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readAllBytes_largerThanTheFirstRead_isWholeAndTheLimitIsExact() throws IOException {
        byte[] contents = new byte[40_000];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("large.bin"), contents);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.readAllBytes("large.bin", 40_000)).isEqualTo(contents);
        assertThat(source.readAllBytes("large.bin", Long.MAX_VALUE)).isEqualTo(contents);
        assertThatThrownBy(() -> source.readAllBytes("large.bin", 39_999))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("The file 'large.bin' in " + source.description()
                        + " is 40000 bytes, larger than the limit of 39999 bytes.");
    }

    @Test
    void linkLeavingTheRoot_inAFolderAlreadyRead_isStillRefused(@TempDir Path outside) throws IOException {
        write("sub/plain.json", "{}");
        Files.writeString(outside.resolve("secret.json"), "s");
        Files.createSymbolicLink(dir.resolve("sub/escape.json"), outside.resolve("secret.json"));
        write("sub/real.json", "r");
        Files.createSymbolicLink(dir.resolve("sub/alias.json"), dir.resolve("sub/real.json"));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(source.readAllBytes("sub/plain.json", 10)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> source.readAllBytes("sub/escape.json", 10))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'sub/escape.json' resolves through a link to "
                        + outside.toRealPath().resolve("secret.json") + ", outside the datasource root "
                        + source.description() + ".");
        assertThatThrownBy(() -> source.open("sub/escape.json"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'sub/escape.json' resolves through a link to "
                        + outside.toRealPath().resolve("secret.json") + ", outside the datasource root "
                        + source.description() + ".");
        assertThat(source.readAllBytes("sub/alias.json", 10)).isEqualTo("r".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> source.readAllBytes("sub/missing.json", 10))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("sub/missing.json: no such file in " + source.description());
    }

    @Test
    void list_skippingFolders_leavesThemOutAtAnyDepthButNotAFileOfThatName() throws IOException {
        write("a.jpg", "a");
        write(".lightly/predictions/tasks.json", "[]");
        write("sub/.winnow/cache.bin", "c");
        write("sub/.lightly", "a file, not a folder");
        write("sub/b.jpg", "b");
        LocalDatasource source = LocalDatasource.at(dir);
        Set<String> skipped = Set.of(".lightly", ".winnow");
        List<String> expected = List.of("a.jpg", "sub/.lightly", "sub/b.jpg");

        assertThat(source.list("", skipped)).isEqualTo(expected);
        assertThat(source.list("sub", skipped)).isEqualTo(List.of("sub/.lightly", "sub/b.jpg"));
        assertThat(source.list(".lightly", skipped)).isEqualTo(List.of(".lightly/predictions/tasks.json"));
        assertThat(source.list("", Set.of()))
                .containsExactly(
                        ".lightly/predictions/tasks.json",
                        "a.jpg",
                        "sub/.lightly",
                        "sub/.winnow/cache.bin",
                        "sub/b.jpg");
        // The interface's default, which filters the full listing, gives the same answer.
        Datasource filtering = new Delegating(source);
        assertThat(filtering.list("", skipped)).isEqualTo(expected);
        assertThat(filtering.list("sub", skipped)).isEqualTo(List.of("sub/.lightly", "sub/b.jpg"));
        assertThat(filtering.list(".lightly", skipped)).isEqualTo(List.of(".lightly/predictions/tasks.json"));
    }

    /** A datasource with only the abstract methods, so that the interface's defaults run. */
    private record Delegating(Datasource inner) implements Datasource {
        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            return inner.list(prefix);
        }

        @Override
        public Optional<FileStat> stat(String path) throws IOException {
            return inner.stat(path);
        }

        @Override
        public InputStream open(String path) throws IOException {
            return inner.open(path);
        }

        @Override
        public SeekableByteChannel openSeekable(String path) throws IOException {
            return inner.openSeekable(path);
        }

        @Override
        public byte[] readAllBytes(String path, long maxBytes) throws IOException {
            return inner.readAllBytes(path, maxBytes);
        }

        @Override
        public void writeAtomically(String path, byte[] contents) throws IOException {
            inner.writeAtomically(path, contents);
        }
    }

    @Test
    void at_missingOrFile_isRefused() throws IOException {
        Path file = write("file.txt", "x");

        assertThatThrownBy(() -> LocalDatasource.at(dir.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(dir.resolve("nope") + ": the folder does not exist");
        assertThatThrownBy(() -> LocalDatasource.at(file))
                .hasMessage(file + " is a file, but a datasource must be a folder");
    }

    @Test
    void rootUri_isTheRealFolderWithTrailingSlash() throws IOException {
        assertThat(LocalDatasource.at(dir).rootUri()).contains(dir.toRealPath().toUri());
        assertThat(LocalDatasource.at(dir).rootUri().orElseThrow().toString())
                .isEqualTo("file://" + dir.toRealPath() + "/");
        assertThat(List.of(LocalDatasource.create(dir.resolve("new/out")).root()))
                .containsExactly(dir.resolve("new/out"));
    }
}
