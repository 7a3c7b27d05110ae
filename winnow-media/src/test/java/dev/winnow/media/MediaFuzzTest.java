package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.format.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Fuzz targets for what Winnow reads of media files without decoding them: image headers, the box
 * structure and frame count of an MP4/MOV video, and the user metadata files. Each input either reads
 * into a value or into a {@link MediaException} or coded diagnostics in Winnow's words; any other
 * exception is a finding. Without {@code JAZZER_FUZZ=1} each target replays its committed corpus
 * ({@code MediaFuzzTestInputs/<target>}).
 */
class MediaFuzzTest {
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{3}");
    private static final String SAMPLE = "street/a.jpg";

    /** Any bytes under each image extension: a positive size from the header, or a sentence. */
    @FuzzTest(maxDuration = "30s")
    void imageHeader(byte[] input) throws IOException {
        Path folder = Files.createTempDirectory("winnow-fuzz");
        try {
            for (String name : List.of("i.png", "i.jpg", "i.bmp", "i.gif", "i.webp", "i.tiff")) {
                Files.write(folder.resolve(name), input);
                try {
                    ImageSize size = ImageHeaders.read(LocalDatasource.at(folder), name);
                    assertThat(size.width()).isPositive();
                    assertThat(size.height()).isPositive();
                } catch (MediaException e) {
                    checkSentence(e.getMessage(), name);
                }
            }
        } finally {
            LocalTrees.delete(folder);
        }
    }

    /** Any bytes as an MP4: a frame count and the first frame's size, or a sentence naming the video. */
    @FuzzTest(maxDuration = "30s")
    void mp4(byte[] input) throws IOException {
        Path folder = Files.createTempDirectory("winnow-fuzz");
        try {
            Files.write(folder.resolve("v.mp4"), input);
            LocalDatasource datasource = LocalDatasource.at(folder);
            try {
                assertThat(VideoProbe.frameCount(datasource, "v.mp4")).isNotNegative();
                ImageSize size = VideoProbe.frameSize(datasource, "v.mp4");
                assertThat(size.width()).isPositive();
                assertThat(size.height()).isPositive();
            } catch (MediaException e) {
                checkSentence(e.getMessage(), "v.mp4");
            }
        } finally {
            LocalTrees.delete(folder);
        }
    }

    /**
     * The bytes up to the first zero byte are {@code .lightly/metadata/schema.json}, the rest the
     * metadata file of one image: values of the schema's types, or coded diagnostics.
     */
    @FuzzTest(maxDuration = "30s")
    void userMetadata(byte[] input) throws IOException {
        int split = 0;
        while (split < input.length && input[split] != 0) {
            split++;
        }
        Path folder = Files.createTempDirectory("winnow-fuzz");
        try {
            Path schema = folder.resolve(UserMetadataReader.SCHEMA_FILE);
            Files.createDirectories(schema.getParent());
            Files.write(schema, Arrays.copyOfRange(input, 0, split));
            if (split < input.length) {
                Path file = folder.resolve(UserMetadataReader.metadataFileOf(SAMPLE));
                Files.createDirectories(file.getParent());
                Files.write(file, Arrays.copyOfRange(input, split + 1, input.length));
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(folder), diagnostics);
            Map<String, Object> values = reader.read(SAMPLE, diagnostics);
            List<String> paths =
                    reader.schema().fields().stream().map(MetadataField::path).toList();
            assertThat(paths).containsAll(values.keySet());
            for (Diagnostic d : diagnostics) {
                assertThat(d.code()).matches(CODE);
                assertThat(d.message()).isNotBlank().doesNotContain("Exception", "\tat ");
            }
        } finally {
            LocalTrees.delete(folder);
        }
    }

    private static void checkSentence(@Nullable String message, String name) {
        assertThat(message).isNotBlank().contains("'" + name + "'").doesNotContain("Exception", "\tat ");
    }
}
