package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {

    @Test
    void fileSystemFailures_areSentencesNamingTheFile_withoutJavaNames() {
        assertThat(IoErrors.describe(new NoSuchFileException("/data/labels")))
                .isEqualTo("/data/labels does not exist.");
        assertThat(IoErrors.describe(new AccessDeniedException("/data/x.json")))
                .isEqualTo("/data/x.json may not be read or written (permission denied).");
        assertThat(IoErrors.describe(new FileAlreadyExistsException("/out/run.json")))
                .isEqualTo("/out/run.json already exists.");
        assertThat(IoErrors.describe(new NotDirectoryException("/out/run.json")))
                .isEqualTo("/out/run.json is not a folder.");
        assertThat(IoErrors.describe(new FileSystemException("/out/.x.tmp", "/out/demo", "Is a directory")))
                .isEqualTo("/out/.x.tmp (to /out/demo) cannot be used: is a directory.");
        assertThat(IoErrors.describe(new UncheckedIOException(new NoSuchFileException("/data/a.png"))))
                .isEqualTo("/data/a.png does not exist.");
    }

    @Test
    void failuresWithoutAMessage_stillGetASentence() {
        assertThat(IoErrors.describe(new IOException())).isEqualTo("reading or writing failed.");
        assertThat(IoErrors.describe(new IllegalStateException()))
                .isEqualTo("an unexpected internal error stopped the command.");
        assertThat(IoErrors.describe(new IOException("The folder x is not readable.")))
                .isEqualTo("The folder x is not readable.");
    }
}
