package dev.winnow.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRootTest {
    @TempDir
    Path dir;

    private Datasource folder(String name) throws Exception {
        return LocalDatasource.at(Files.createDirectories(dir.resolve(name)));
    }

    @Test
    void givenDatasource_namesTheImagesFolderInsideIt() throws Exception {
        SampleRoot root = SampleRoot.choose(
                Optional.of(folder("data")), Optional.of(folder("data/images/train")), "--images", folder("results"));
        assertThat(root.sampleFolder()).isEqualTo("images/train");
        assertThat(root.source()).isEqualTo(SampleRoot.Source.GIVEN);
        assertThat(root.datasource().description())
                .isEqualTo(dir.resolve("data").toString());
    }

    @Test
    void withoutADatasource_theOutputHoldingTheImages_elseTheImages_elseTheOutput() throws Exception {
        Datasource data = folder("data");
        SampleRoot holding = SampleRoot.choose(Optional.empty(), Optional.of(folder("data/images")), "--images", data);
        assertThat(holding.source()).isEqualTo(SampleRoot.Source.OUTPUT_HOLDING_IMAGES);
        assertThat(holding.sampleFolder()).isEqualTo("images");

        SampleRoot images = SampleRoot.choose(Optional.empty(), Optional.of(folder("pictures")), "--images", data);
        assertThat(images.source()).isEqualTo(SampleRoot.Source.IMAGES);
        assertThat(images.sampleFolder()).isEmpty();
        assertThat(images.datasource().description())
                .isEqualTo(dir.resolve("pictures").toString());

        SampleRoot output = SampleRoot.choose(Optional.empty(), Optional.empty(), "--images", data);
        assertThat(output.source()).isEqualTo(SampleRoot.Source.OUTPUT);
        assertThat(output.sampleFolder()).isEmpty();
    }

    @Test
    void aSiblingWithTheSamePrefix_isNotInside() throws Exception {
        // data-2 starts with the characters of data but is not inside it.
        assertThatThrownBy(() -> SampleRoot.choose(
                        Optional.of(folder("data")), Optional.of(folder("data-2/images")), "--images", folder("out")))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The folder " + dir.resolve("data-2/images")
                        + " given with --images is not inside the datasource " + dir.resolve("data")
                        + " given with --input; sample names"
                        + " are paths inside the datasource, so the images must be in it.");
        assertThat(SampleRoot.sameLocation(folder("data"), LocalDatasource.at(dir.resolve("data/"))))
                .isTrue();
        assertThat(SampleRoot.sameLocation(folder("data"), folder("data/images")))
                .isFalse();
    }
}
