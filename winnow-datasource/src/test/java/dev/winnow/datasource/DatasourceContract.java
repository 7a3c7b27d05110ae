package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Datasource} must do alike, local folder or bucket. A cloud module extends this
 * class in its tests and returns a fresh, empty, writable datasource from {@link #newDatasource()}
 * (a new prefix of a bucket in an emulator); the test jar of this module carries it.
 *
 * <pre>{@code
 * class S3DatasourceContractTest extends DatasourceContract {
 *     protected Datasource newDatasource() throws Exception { return provider.open(location, true); }
 * }
 * }</pre>
 */
public abstract class DatasourceContract {
    private Datasource source;

    /** A new, empty, writable datasource; every test gets its own. */
    protected abstract Datasource newDatasource() throws Exception;

    @BeforeEach
    final void openSource() throws Exception {
        source = newDatasource();
    }

    private void write(String path, String text) throws IOException {
        source.writeAtomically(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String path) throws IOException {
        return new String(source.readAllBytes(path, 1 << 20), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void emptyDatasource_listsNothing() throws IOException {
        assertThat(source.list("")).isEmpty();
        assertThat(source.list("", Set.of(".winnow"))).isEmpty();
        assertThat(source.description()).isNotBlank();
        assertThat(source.rootUri())
                .hasValueSatisfying(uri -> assertThat(uri.toString()).endsWith("/"));
    }

    @Test
    void list_isRecursiveAndSortedByString() throws IOException {
        write("b/z.jpg", "1");
        write("b/a/y.png", "2");
        write("a.txt", "3");
        write("B.jpg", "4");
        write("b-c/d.jpg", "5");

        assertThat(source.list("")).containsExactly("B.jpg", "a.txt", "b-c/d.jpg", "b/a/y.png", "b/z.jpg");
    }

    @Test
    void folders_areTheFoldersDirectlyInsideAPrefix() throws IOException {
        write("p/.t.staging-1/a/x.json", "1");
        write("p/t/y.json", "2");
        write("p/tasks.json", "3");
        write("q/z.json", "4");

        assertThat(source.folders("p")).containsExactly(".t.staging-1", "t");
        assertThat(source.folders("")).containsExactly("p", "q");
        assertThat(source.folders("missing")).isEmpty();
    }

    @Test
    void list_ofAPrefix_isThatFolderOnly() throws IOException {
        write("b/z.jpg", "1");
        write("b/a/y.png", "2");
        write("bb/x.jpg", "3");
        write("b.jpg", "4");

        assertThat(source.list("b")).containsExactly("b/a/y.png", "b/z.jpg");
        assertThat(source.list("b/")).containsExactly("b/a/y.png", "b/z.jpg");
        assertThat(source.list("b/a")).containsExactly("b/a/y.png");
        assertThat(source.list("missing")).isEmpty();
        assertThat(source.list("b.jpg")).isEmpty();
    }

    @Test
    void list_leavesOutSkippedFoldersAtAnyDepth() throws IOException {
        write(".lightly/predictions/tasks.json", "[]");
        write("img/.winnow/runs/r/selected.txt", "a");
        write("img/a.jpg", "a");
        write(".lightlyish/b.jpg", "b");
        write("c/.lightly", "a file, not a folder");

        Set<String> skipped = Set.of(".lightly", ".winnow");
        assertThat(source.list("", skipped)).containsExactly(".lightlyish/b.jpg", "c/.lightly", "img/a.jpg");
        assertThat(source.list("img", skipped)).containsExactly("img/a.jpg");
        assertThat(source.list(".lightly", skipped)).containsExactly(".lightly/predictions/tasks.json");
        assertThat(source.list("", Set.of())).hasSize(5);
    }

    @Test
    void list_ofManyFilesInManyFolders_isComplete() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int folder = 0; folder < 12; folder++) {
            for (int file = 0; file < 15; file++) {
                String path = "f" + folder + "/sub" + (file % 3) + "/" + file + ".json";
                write(path, "{}");
                expected.add(path);
            }
        }
        expected.sort(String::compareTo);

        assertThat(source.list("")).containsExactlyElementsOf(expected);
    }

    @Test
    void anyFile_findsAFileAtAnyDepthOrNone() throws IOException {
        assertThat(source.anyFile("")).isEmpty();
        write("a/b/c/deep.json", "1");
        write("z.json", "2");

        assertThat(source.anyFile(""))
                .hasValueSatisfying(path -> assertThat(path).isIn("a/b/c/deep.json", "z.json"));
        assertThat(source.anyFile("a")).contains("a/b/c/deep.json");
        assertThat(source.anyFile("a/b/")).contains("a/b/c/deep.json");
        assertThat(source.anyFile("missing")).isEmpty();
        assertThat(source.anyFile("z.json")).isEmpty();
    }

    @Test
    void stat_givesSizeOrEmpty() throws IOException {
        write("dir/a.json", "12345");
        long before = System.currentTimeMillis() - 24 * 3600 * 1000L;

        Optional<Datasource.FileStat> stat = source.stat("dir/a.json");

        assertThat(stat).isPresent();
        assertThat(stat.get().size()).isEqualTo(5);
        assertThat(stat.get().lastModifiedMillis()).isGreaterThan(before);
        assertThat(source.stat("dir/missing.json")).isEmpty();
        assertThat(source.stat("dir")).isEmpty();
        assertThat(source.stat("nowhere/a.json")).isEmpty();
    }

    @Test
    void open_readsTheWholeFile() throws IOException {
        byte[] contents = randomBytes(100_000, 1);
        source.writeAtomically("v/clip.mp4", contents);

        try (InputStream in = source.open("v/clip.mp4")) {
            assertThat(in.readAllBytes()).isEqualTo(contents);
        }
    }

    @Test
    void missingFile_isNoSuchFileNamingThePath() {
        assertThatThrownBy(() -> source.open("no/such.jpg"))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo("no/such.jpg"));
        assertThatThrownBy(() -> source.readAllBytes("no/such.json", 10))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo("no/such.json"));
        assertThatThrownBy(() -> source.readRange("no/such.png", 0, 10))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo("no/such.png"));
        assertThatThrownBy(() -> source.openSeekable("no/such.mp4"))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo("no/such.mp4"));
    }

    @Test
    void readAllBytes_refusesAFileOverTheLimit() throws IOException {
        write("big.json", "0123456789");

        assertThat(read("big.json")).isEqualTo("0123456789");
        assertThat(source.readAllBytes("big.json", 10)).hasSize(10);
        assertThatThrownBy(() -> source.readAllBytes("big.json", 5))
                .isInstanceOfSatisfying(FileTooLargeException.class, e -> {
                    assertThat(e.path()).isEqualTo("big.json");
                    assertThat(e.limitBytes()).isEqualTo(5);
                })
                .hasMessage("The file 'big.json' in " + source.description()
                        + " is 10 bytes, larger than the limit of 5 bytes.");
    }

    @Test
    void readRange_givesTheBytesThatExist() throws IOException {
        byte[] contents = randomBytes(70_000, 2);
        source.writeAtomically("img.png", contents);

        assertThat(source.readRange("img.png", 0, 16)).isEqualTo(Arrays.copyOfRange(contents, 0, 16));
        assertThat(source.readRange("img.png", 65_000, 1000)).isEqualTo(Arrays.copyOfRange(contents, 65_000, 66_000));
        assertThat(source.readRange("img.png", 69_990, 100)).isEqualTo(Arrays.copyOfRange(contents, 69_990, 70_000));
        assertThat(source.readRange("img.png", 70_000, 100)).isEmpty();
        assertThat(source.readRange("img.png", 80_000, 100)).isEmpty();
        assertThat(source.readRange("img.png", 10, 0)).isEmpty();
    }

    @Test
    void seekable_readsAnywhereAndAgain() throws IOException {
        byte[] contents = randomBytes(3 * 1024 * 1024 + 17, 3);
        source.writeAtomically("v/clip.mp4", contents);

        try (SeekableByteChannel channel = source.openSeekable("v/clip.mp4")) {
            assertThat(channel.size()).isEqualTo(contents.length);
            assertThat(readAt(channel, 2_000_000, 5000)).isEqualTo(Arrays.copyOfRange(contents, 2_000_000, 2_005_000));
            assertThat(channel.position()).isEqualTo(2_005_000);
            assertThat(readAt(channel, 10, 100)).isEqualTo(Arrays.copyOfRange(contents, 10, 110));
            assertThat(readAt(channel, contents.length - 7, 100))
                    .isEqualTo(Arrays.copyOfRange(contents, contents.length - 7, contents.length));
            channel.position(contents.length);
            assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
            channel.position(0);
            ByteBuffer all = ByteBuffer.allocate(contents.length);
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read to the end in whatever pieces the channel gives
            }
            assertThat(all.array()).isEqualTo(contents);
            assertThat(channel.isOpen()).isTrue();
        }
    }

    private static byte[] readAt(SeekableByteChannel channel, long position, int length) throws IOException {
        channel.position(position);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // fill the buffer or reach the end
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Test
    void writes_createFoldersAndAllWaysAgree() throws IOException {
        source.writeAtomically("a/b/c.json", "1".getBytes(StandardCharsets.UTF_8));
        source.writeAtomicallyWithoutSync("a/d.json", "22".getBytes(StandardCharsets.UTF_8));
        source.writeInStaging("e/f/g.json", "333".getBytes(StandardCharsets.UTF_8));

        assertThat(source.list("")).containsExactly("a/b/c.json", "a/d.json", "e/f/g.json");
        assertThat(read("a/b/c.json")).isEqualTo("1");
        assertThat(read("a/d.json")).isEqualTo("22");
        assertThat(read("e/f/g.json")).isEqualTo("333");
    }

    @Test
    void overwrite_replacesTheWholeFile() throws IOException {
        write("tasks.json", "a long first version");
        write("tasks.json", "short");
        source.writeInStaging("staged.json", "first staged".getBytes(StandardCharsets.UTF_8));
        source.writeInStaging("staged.json", "2nd".getBytes(StandardCharsets.UTF_8));

        assertThat(read("tasks.json")).isEqualTo("short");
        assertThat(source.stat("tasks.json").orElseThrow().size()).isEqualTo(5);
        assertThat(read("staged.json")).isEqualTo("2nd");
        assertThat(source.list("")).containsExactly("staged.json", "tasks.json");
    }

    @Test
    void emptyFile_isAFileOfNoBytes() throws IOException {
        source.writeAtomically("empty.txt", new byte[0]);

        assertThat(source.list("")).containsExactly("empty.txt");
        assertThat(source.stat("empty.txt").orElseThrow().size()).isZero();
        assertThat(source.readAllBytes("empty.txt", 0)).isEmpty();
        assertThat(source.readRange("empty.txt", 0, 10)).isEmpty();
    }

    @Test
    void delete_removesOneFileAndIgnoresMissingOnes() throws IOException {
        write("a/b.json", "1");
        write("a/c.json", "2");

        source.delete("a/b.json");
        source.delete("a/b.json");
        source.delete("nowhere/x.json");

        assertThat(source.list("")).containsExactly("a/c.json");
        assertThat(source.stat("a/b.json")).isEmpty();
        assertThatThrownBy(() -> source.open("a/b.json")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void pathsOutsideTheRoot_areRefusedBeforeStorageIsTouched() {
        String leaving = "The path '../x.json' leaves the datasource root " + source.description()
                + ": '..' segments are not allowed.";
        assertThatThrownBy(() -> source.open("../x.json"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage(leaving);
        assertThatThrownBy(() -> source.readAllBytes("../x.json", 10)).hasMessage(leaving);
        assertThatThrownBy(() -> source.stat("../x.json")).hasMessage(leaving);
        assertThatThrownBy(() -> source.writeAtomically("../x.json", new byte[1]))
                .hasMessage(leaving);
        assertThatThrownBy(() -> source.writeInStaging("../x.json", new byte[1]))
                .hasMessage(leaving);
        assertThatThrownBy(() -> source.delete("../x.json")).hasMessage(leaving);
        assertThatThrownBy(() -> source.readRange("../x.json", 0, 1)).hasMessage(leaving);
        assertThatThrownBy(() -> source.openSeekable("a/../../x.json"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path 'a/../../x.json' leaves the datasource root " + source.description()
                        + ": '..' segments are not allowed.");
        assertThatThrownBy(() -> source.list("..")).isInstanceOf(PathOutsideRootException.class);
        assertThatThrownBy(() -> source.writeAtomically("/etc/x.json", new byte[1]))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("The path '/etc/x.json' is absolute; paths must be relative to the datasource root "
                        + source.description() + ".");
    }

    @Test
    void unicodeSpacesAndSymbols_inNamesRoundTrip() throws IOException {
        List<String> names = List.of(
                "ünï cödé/日本 語.jpg",
                "a b/c  d.json",
                "sym/plus+and&percent%20#hash.png",
                "sym/quote'tilde~=eq;semi.jpg");
        for (String name : names) {
            write(name, name);
        }

        assertThat(source.list(""))
                .containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(source.list("a b")).containsExactly("a b/c  d.json");
        for (String name : names) {
            assertThat(read(name)).isEqualTo(name);
            assertThat(source.stat(name).orElseThrow().size()).isEqualTo(name.getBytes(StandardCharsets.UTF_8).length);
        }
        source.delete("ünï cödé/日本 語.jpg");
        assertThat(source.list("ünï cödé")).isEmpty();
    }
}
