package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserMetadataReaderTest {
    private static final String SCHEMA = """
            [
              {"name": "Weather", "path": "weather.description", "defaultValue": "unknown", "valueDataType": \
            "CATEGORICAL_STRING"},
              {"name": "Temperature", "path": "weather.temperature", "defaultValue": 20.5, "valueDataType": \
            "NUMERIC_FLOAT"},
              {"name": "Cars", "path": "cars", "valueDataType": "NUMERIC_INT"},
              {"name": "Camera", "path": "camera.id", "defaultValue": 1, "valueDataType": "CATEGORICAL_INT"},
              {"name": "Night", "path": "night", "defaultValue": false, "valueDataType": "CATEGORICAL_BOOLEAN"}
            ]""";

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void readsValuesByDotPath_withDefaults() throws IOException {
        write(".lightly/metadata/schema.json", SCHEMA);
        write(".lightly/metadata/a/img.json", """
                {"file_name": "a/img.jpg", "type": "image",
                 "metadata": {"weather": {"description": "sunny", "temperature": 31}, "cars": 4, "night": true}}""");
        List<Diagnostic> diagnostics = new ArrayList<>();

        UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);
        Map<String, Object> values = reader.read("a/img.jpg", diagnostics);

        assertThat(diagnostics).isEmpty();
        assertThat(reader.schema().fields())
                .extracting(MetadataField::path)
                .containsExactly("weather.description", "weather.temperature", "cars", "camera.id", "night");
        assertThat(values)
                .containsExactly(
                        Map.entry("weather.description", "sunny"),
                        Map.entry("weather.temperature", 31.0),
                        Map.entry("cars", 4L),
                        Map.entry("camera.id", 1L),
                        Map.entry("night", true));
    }

    @Test
    void videoFrames_useTheirFrameName() throws IOException {
        write(".lightly/metadata/schema.json", SCHEMA);
        write(".lightly/metadata/v/clip-07-mp4.json", "{\"type\": \"frame\", \"metadata\": {\"cars\": 9}}");
        List<Diagnostic> diagnostics = new ArrayList<>();

        Map<String, Object> values =
                UserMetadataReader.open(LocalDatasource.at(dir), diagnostics).read("v/clip-07-mp4.png", diagnostics);

        assertThat(diagnostics).isEmpty();
        assertThat(values)
                .containsExactly(
                        Map.entry("weather.description", "unknown"),
                        Map.entry("weather.temperature", 20.5),
                        Map.entry("cars", 9L),
                        Map.entry("camera.id", 1L),
                        Map.entry("night", false));
        assertThat(UserMetadataReader.metadataFileOf("v/clip.mp4")).isEqualTo(".lightly/metadata/v/clip.json");
        assertThat(UserMetadataReader.metadataFileOf("noext")).isEqualTo(".lightly/metadata/noext.json");
    }

    @Test
    void aFrameWithoutItsOwnFile_takesItsVideosFile_andOnlyItsOwnFileWins() throws IOException {
        write(".lightly/metadata/schema.json", SCHEMA);
        write(
                ".lightly/metadata/v/clip.json",
                "{\"file_name\": \"v/clip.mp4\", \"type\": \"video\", \"metadata\": {\"cars\": 2}}");
        write(".lightly/metadata/v/clip-07-mp4.json", "{\"type\": \"frame\", \"metadata\": {\"cars\": 9}}");
        List<Diagnostic> diagnostics = new ArrayList<>();
        UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);

        assertThat(reader.read("v/clip-06-mp4.png", diagnostics)).containsEntry("cars", 2L);
        assertThat(reader.read("v/clip-07-mp4.png", diagnostics)).containsEntry("cars", 9L);
        // The video's file names the video, which is right for its frames: no M006.
        assertThat(diagnostics).isEmpty();
        reader.read("w/other-1-mp4.png", diagnostics);
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly("warning M005 .lightly/metadata/w/other-1-mp4.json: "
                        + "The sample 'w/other-1-mp4.png' has no metadata file; its fields take their default values.");
    }

    @Test
    void wrongTypesAndMissingValues_areWarnings() throws IOException {
        write(".lightly/metadata/schema.json", SCHEMA);
        write(".lightly/metadata/b.json", """
                {"file_name": "other.jpg", "metadata": {"weather": {"description": 5, "temperature": "hot"}, "camera": \
                {"id": 2.5}, "night": "no"}}""");
        List<Diagnostic> diagnostics = new ArrayList<>();

        Map<String, Object> values =
                UserMetadataReader.open(LocalDatasource.at(dir), diagnostics).read("b.png", diagnostics);

        assertThat(values)
                .containsExactly(
                        Map.entry("weather.description", "unknown"),
                        Map.entry("weather.temperature", 20.5),
                        Map.entry("camera.id", 1L),
                        Map.entry("night", false));
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly(
                        "warning M006 .lightly/metadata/b.json /file_name: The file_name \"other.jpg\" "
                                + "does not name the sample 'b.png' "
                                + "that this file's path belongs to; its values are used anyway.",
                        "warning M003 .lightly/metadata/b.json /metadata/weather/description: The "
                                + "value 5 of 'weather.description' must be "
                                + "a string (CATEGORICAL_STRING); the default unknown is used.",
                        "warning M003 .lightly/metadata/b.json /metadata/weather/temperature: The "
                                + "value \"hot\" of 'weather.temperature' "
                                + "must be a number (NUMERIC_FLOAT); the default 20.5 is used.",
                        "warning M004 .lightly/metadata/b.json /metadata/cars: The value of 'cars' is "
                                + "missing and the field has no default; the sample has none.",
                        "warning M003 .lightly/metadata/b.json /metadata/camera/id: The value 2.5 of "
                                + "'camera.id' must be a whole number (CATEGORICAL_INT); the default 1 is used.",
                        "warning M003 .lightly/metadata/b.json /metadata/night: The value \"no\" of "
                                + "'night' must be true or false "
                                + "(CATEGORICAL_BOOLEAN); the default false is used.");
    }

    @Test
    void missingOrMalformedSampleFiles_areWarnings() throws IOException {
        write(".lightly/metadata/schema.json", SCHEMA);
        write(".lightly/metadata/bad.json", "{\"metadata\": {");
        write(".lightly/metadata/flat.json", "{\"cars\": 3}");
        List<Diagnostic> diagnostics = new ArrayList<>();
        UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);

        Map<String, Object> missing = reader.read("none.jpg", diagnostics);
        reader.read("bad.jpg", diagnostics);
        reader.read("flat.jpg", diagnostics);

        assertThat(missing)
                .containsExactly(
                        Map.entry("weather.description", "unknown"),
                        Map.entry("weather.temperature", 20.5),
                        Map.entry("camera.id", 1L),
                        Map.entry("night", false));
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly(
                        "warning M005 .lightly/metadata/none.json: The sample 'none.jpg' has no "
                                + "metadata file; its fields take their default values.",
                        "warning M002 .lightly/metadata/bad.json:1:15: The file is not well-formed "
                                + "JSON: the text ends before the object is closed with '}'.",
                        "warning M002 .lightly/metadata/flat.json /metadata: A metadata file must be an "
                                + "object with a 'metadata' object, like {\"file_name\": \"a.jpg\", "
                                + "\"type\": \"image\", \"metadata\": {...}}; "
                                + "its values are not used.");
    }

    @Test
    void invalidSchemaEntries_areErrorsAndLeftOut() throws IOException {
        write(".lightly/metadata/schema.json", """
                [
                  {"name": "Ok", "path": "ok", "valueDataType": "NUMERIC_INT"},
                  {"name": "NoType", "path": "x"},
                  {"name": "BadType", "path": "y", "valueDataType": "NUMBER"},
                  {"name": "BadDefault", "path": "z", "defaultValue": "ten", "valueDataType": "NUMERIC_INT"},
                  {"name": "BadPath", "path": "a..b", "valueDataType": "NUMERIC_INT"},
                  {"name": "Again", "path": "ok", "valueDataType": "NUMERIC_FLOAT"},
                  7
                ]""");
        List<Diagnostic> diagnostics = new ArrayList<>();

        UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);

        assertThat(reader.schema().fields())
                .containsExactly(new MetadataField("Ok", "ok", null, MetadataValueType.NUMERIC_INT));
        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly(
                        "error M001 .lightly/metadata/schema.json /1: The schema field has no "
                                + "'valueDataType'; it needs name, path and valueDataType.",
                        "error M001 .lightly/metadata/schema.json /2/valueDataType: The value type "
                                + "'NUMBER' is not one of NUMERIC_INT, "
                                + "NUMERIC_FLOAT, CATEGORICAL_STRING, CATEGORICAL_INT, CATEGORICAL_BOOLEAN.",
                        "error M001 .lightly/metadata/schema.json /3/defaultValue: The default value "
                                + "\"ten\" of field 'BadDefault' must be a whole number (NUMERIC_INT).",
                        "error M001 .lightly/metadata/schema.json /4/path: The path 'a..b' must be "
                                + "keys joined by dots, like 'weather.temperature'.",
                        "error M001 .lightly/metadata/schema.json /5/path: The path 'ok' is used by an "
                                + "earlier field; each field needs its own path.",
                        "error M001 .lightly/metadata/schema.json /6: A schema field must be an object "
                                + "with name, path and valueDataType, but it is a number.");
    }

    @Test
    void noSchema_readsNothing() throws IOException {
        write(".lightly/metadata/a.json", "{\"metadata\": {\"cars\": 1}}");
        List<Diagnostic> diagnostics = new ArrayList<>();

        UserMetadataReader reader = UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);

        assertThat(reader.schema().fields()).isEmpty();
        assertThat(reader.read("a.jpg", diagnostics)).isEmpty();
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void schemaNotAList_isAnError() throws IOException {
        write(".lightly/metadata/schema.json", "{\"name\": \"x\"}");
        List<Diagnostic> diagnostics = new ArrayList<>();

        UserMetadataReader.open(LocalDatasource.at(dir), diagnostics);

        assertThat(diagnostics)
                .extracting(Diagnostic::toText)
                .containsExactly("error M001 .lightly/metadata/schema.json: The metadata schema must be a list "
                        + "of fields, but it is an object.");
    }
}
