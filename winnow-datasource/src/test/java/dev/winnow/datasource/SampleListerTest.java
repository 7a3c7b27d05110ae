package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleListerTest {
    @TempDir
    Path input;

    @TempDir
    Path output;

    private void touch(Path root, String... paths) throws IOException {
        for (String path : paths) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
    }

    @Test
    void listsImagesAndVideosAtAnyDepth_caseInsensitive_sorted_withoutOwnedFolders() throws IOException {
        touch(
                input,
                "z.JPG",
                "a/b/c/clip.MoV",
                "a/img.webp",
                "a/notes.txt",
                "a/noext",
                "README",
                ".lightly/predictions/t/a.png",
                ".winnow/runs/r/crops/x.png",
                "sub/.winnow/thumb.png",
                "a/.hidden.png",
                "b/x.tiff",
                "b/y.jpeg",
                "c/v.mkv");

        assertThat(SampleLister.list(LocalDatasource.at(input), LocalDatasource.at(output)))
                .containsExactly(
                        "a/.hidden.png", "a/b/c/clip.MoV", "a/img.webp", "b/x.tiff", "b/y.jpeg", "c/v.mkv", "z.JPG");
    }

    @Test
    void filesThatOperatingSystemsLeave_areNoSamples() throws IOException {
        touch(
                input,
                "a.jpg",
                ".DS_Store",
                "._a.jpg",
                "sub/._clip.mp4",
                "sub/Thumbs.db",
                "sub/desktop.ini",
                "sub/b.png");

        assertThat(SampleLister.list(LocalDatasource.at(input), LocalDatasource.at(output)))
                .containsExactly("a.jpg", "sub/b.png");
    }

    @Test
    void aLinkLeadingOutOfTheInput_isRefused_andAnInsideLinkIsASample() throws IOException {
        touch(input, "a.jpg");
        touch(output, "secret.jpg");
        Files.createSymbolicLink(input.resolve("out.jpg"), output.resolve("secret.jpg"));
        Files.createSymbolicLink(input.resolve("in.jpg"), input.resolve("a.jpg"));
        LocalDatasource source = LocalDatasource.at(input);

        SampleLister.Listing listing = SampleLister.scan(source, LocalDatasource.at(output));

        assertThat(listing.samples()).containsExactly("a.jpg", "in.jpg");
        assertThat(listing.refused())
                .containsExactly(new SampleLister.Refused(
                        "out.jpg", output.resolve("secret.jpg").toRealPath().toString()));
        assertThat(listing.refused().get(0).message(source))
                .isEqualTo("The sample is a link to "
                        + output.resolve("secret.jpg").toRealPath() + ", outside the input " + source.description()
                        + "; it is not read and is left out.");
        assertThat(source.leadsOutside("a.jpg")).isEmpty();
        assertThat(source.leadsOutside("in.jpg")).isEmpty();
    }

    @Test
    void relevantFilenames_restrictToFilesAndFolders() throws IOException {
        touch(input, "a/1.jpg", "a/2.jpg", "ab/3.jpg", "b/4.png", "c/d/5.mp4", "6.gif");
        Files.createDirectories(output.resolve(".lightly"));
        Files.writeString(
                output.resolve(".lightly/relevant_filenames.txt"), "  a/1.jpg  \n\n   \nc/\nmissing/x.jpg\n6.gif\r\n");

        SampleLister.Listing listing = SampleLister.scan(LocalDatasource.at(input), LocalDatasource.at(output));

        assertThat(listing.samples()).containsExactly("6.gif", "a/1.jpg", "c/d/5.mp4");
        assertThat(listing.unmatchedRelevantEntries()).containsExactly("missing/x.jpg");
    }

    @Test
    void relevantFilenames_inTheInputOnly_areIgnoredWhenOutputDiffers() throws IOException {
        touch(input, "a.jpg", "b.jpg");
        Files.writeString(
                Files.createDirectories(input.resolve(".lightly")).resolve("relevant_filenames.txt"), "a.jpg\n");

        assertThat(SampleLister.list(LocalDatasource.at(input), LocalDatasource.at(output)))
                .containsExactly("a.jpg", "b.jpg");
        assertThat(SampleLister.list(LocalDatasource.at(input), LocalDatasource.at(input)))
                .containsExactly("a.jpg");
    }

    @Test
    void relevantFilenames_badEntries_nameTheLine() throws IOException {
        touch(input, "a.jpg");
        Path file = Files.createDirectories(output.resolve(".lightly")).resolve("relevant_filenames.txt");
        LocalDatasource in = LocalDatasource.at(input);
        LocalDatasource out = LocalDatasource.at(output);

        Files.writeString(file, "a.jpg\n\n ./a.jpg\n");
        assertThatThrownBy(() -> SampleLister.list(in, out))
                .isInstanceOf(RelevantFilenamesException.class)
                .hasMessage(
                        "Line 3 of .lightly/relevant_filenames.txt ('./a.jpg') starts with './'; entries must be paths "
                                + "relative to the input root, like 'images/a.jpg' or 'images'.");
        Files.writeString(file, "../a.jpg\n");
        assertThatThrownBy(() -> SampleLister.list(in, out))
                .hasMessage("Line 1 of .lightly/relevant_filenames.txt ('../a.jpg') starts with '../'; "
                        + "entries must be paths relative to the input root, like 'images/a.jpg' or 'images'.");
        Files.writeString(file, "a.jpg\n/data/a.jpg\n");
        assertThatThrownBy(() -> SampleLister.list(in, out))
                .hasMessage("Line 2 of .lightly/relevant_filenames.txt ('/data/a.jpg') is an absolute "
                        + "path; entries must be "
                        + "paths relative to the input root, like 'images/a.jpg' or 'images'.");
        Files.writeString(file, "x/../../a.jpg\n");
        assertThatThrownBy(() -> SampleLister.list(in, out))
                .isInstanceOfSatisfying(
                        RelevantFilenamesException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(1))
                .hasMessage("Line 1 of .lightly/relevant_filenames.txt ('x/../../a.jpg') has a '..' "
                        + "segment; entries must be "
                        + "paths relative to the input root, like 'images/a.jpg' or 'images'.");
    }

    @Test
    void relevantFilenames_overlongLine_isRefusedWithoutHoldingIt() throws IOException {
        touch(input, "a.jpg");
        Path file = Files.createDirectories(output.resolve(".lightly")).resolve("relevant_filenames.txt");
        Files.writeString(file, "a.jpg\r\n" + "x".repeat(1_000_000) + "\n");

        assertThatThrownBy(() -> SampleLister.list(LocalDatasource.at(input), LocalDatasource.at(output)))
                .isInstanceOf(RelevantFilenamesException.class)
                .hasMessage("Line 2 of .lightly/relevant_filenames.txt is longer than 4096 characters; "
                        + "entries must be paths relative to the input root, one per line.");
    }

    @Test
    void isSample_judgesExtensionAndFolders() {
        assertThat(SampleLister.isSample("x/y.PNG")).isTrue();
        assertThat(SampleLister.isSample(".lightly/a.png")).isFalse();
        assertThat(SampleLister.isSample("a/.winnow/b/c.jpg")).isFalse();
        assertThat(SampleLister.isSample("a/.lightly-not/c.jpg")).isTrue();
        assertThat(SampleLister.isSample("a.json")).isFalse();
    }
}
