package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over the small hand-made datasource: exact answers for filters, sorts, counts and pages. */
class ViewerApiTest {
    private static final String A = "{\"name\":\"a.png\",\"size\":160,\"width\":64,\"height\":48,"
            + "\"scores\":{\"det.objectness_least_confidence\":0.4,"
            + "\"det.object_frequency\":1.0,\"det.uncertainty_least_confidence\":0.6,"
            + "\"det.uncertainty_margin\":0.6,"
            + "\"det.uncertainty_entropy\":0.8812909,\"cls.uncertainty_least_confidence\":0.4,"
            + "\"cls.uncertainty_margin\":0.4,\"cls.uncertainty_entropy\":0.7219281},\"predictions\":{\"det\":["
            + "{\"category_id\":0,\"bbox\":[4,4,20,10],\"score\":0.9},{\"category_id\":1,\"bbox\":[30,20,10,10],"
            + "\"score\":0.3}],\"cls\":[{\"category_id\":0,\"probabilities\":[0.8,0.2]}]}}";
    private static final String B = "{\"name\":\"b.png\",\"size\":160,\"width\":64,\"height\":48,"
            + "\"scores\":{\"det.objectness_least_confidence\":0.4,"
            + "\"det.object_frequency\":0.95,\"det.uncertainty_least_confidence\":0.8,"
            + "\"det.uncertainty_margin\":0.8,"
            + "\"det.uncertainty_entropy\":0.9709506,\"cls.uncertainty_least_confidence\":0.6,"
            + "\"cls.uncertainty_margin\":0.6,\"cls.uncertainty_entropy\":0.8812909},\"predictions\":{\"det\":["
            + "{\"category_id\":1,\"bbox\":[1,1,30,30],\"score\":0.6}],\"cls\":[{\"category_id\":1,"
            + "\"probabilities\":[0.3,0.7]}]}}";
    private static final String D = "{\"name\":\"c/d.png\",\"size\":82,\"width\":32,\"height\":32,"
            + "\"scores\":{\"det.objectness_least_confidence\":0.8,"
            + "\"det.object_frequency\":0.95,\"det.uncertainty_least_confidence\":0.4,"
            + "\"det.uncertainty_margin\":0.4,"
            + "\"det.uncertainty_entropy\":0.7219281,\"cls.uncertainty_least_confidence\":0.9,"
            + "\"cls.uncertainty_margin\":0.9,\"cls.uncertainty_entropy\":0.9927744},\"predictions\":{\"det\":["
            + "{\"category_id\":0,\"bbox\":[2,2,8,8],\"score\":0.2}],\"cls\":[{\"category_id\":0,"
            + "\"probabilities\":[0.55,0.45]}]}}";
    private static final String E = "{\"name\":\"e.png\",\"size\":21,\"width\":null,\"height\":null,"
            + "\"scores\":{\"det.objectness_least_confidence\":0.0,"
            + "\"det.object_frequency\":0.9,\"det.uncertainty_least_confidence\":0.0,"
            + "\"det.uncertainty_margin\":0.0,"
            + "\"det.uncertainty_entropy\":0.0},\"predictions\":{\"det\":[]}}";

    @TempDir
    static Path temp;

    static ViewerServer server;
    static int port;
    static List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path data = SmallDatasource.write(temp);
        Datasource location = Locations.open(data.toString());
        Viewer viewer = Viewer.open(location, location, false, 2, Progress.NONE, d -> problems.add(d.toText()));
        server = ViewerServer.start(viewer, "127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String page(int total, int page, int size, String classes, String... samples) {
        return "{\"total\":" + total + ",\"page\":" + page + ",\"size\":" + size + ",\"classes\":" + classes
                + ",\"samples\":[" + String.join(",", samples) + "]}";
    }

    private static void assertJson(String query, String expected) throws Exception {
        Http.Answer answer = Http.get(port, query);
        assertThat(answer.status()).as(query).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).as(query).isEqualTo(expected);
    }

    /** The next {@code n} floats of {@code in}. */
    private static float[] floats(ByteBuffer in, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.getFloat();
        }
        return values;
    }

    private static void assertRefused(String query, String message) throws Exception {
        Http.Answer answer = Http.get(port, query);
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(message + "\n");
    }

    @Test
    void tasksListClassesScoresAndMetadataFields() throws Exception {
        assertJson(
                "/api/tasks",
                "{\"samples\":4,\"tasks\":[{\"name\":\"det\",\"type\":\"object-detection\",\"classes\":[{\"id\":0,"
                        + "\"name\":\"car\"},{\"id\":1,\"name\":\"dog\"}],\"scores\":[\"objectness_least_confidence\","
                        + "\"object_frequency\",\"uncertainty_least_confidence\",\"uncertainty_margin\","
                        + "\"uncertainty_entropy\"]},{\"name\":\"cls\",\"type\":\"classification\","
                        + "\"classes\":[{\"id\":0,"
                        + "\"name\":\"sunny\"},{\"id\":1,\"name\":\"rainy\"}],"
                        + "\"scores\":[\"uncertainty_least_confidence\","
                        + "\"uncertainty_margin\",\"uncertainty_entropy\"]}],\"metadata\":[\"weather\"]}");
        assertThat(problems)
                .containsExactly("warning M005 .lightly/metadata/e.json: The sample 'e.png' has no metadata file; its"
                        + " fields take their default values.");
    }

    @Test
    void everySampleByNameWithClassCounts() throws Exception {
        assertJson(
                "/api/samples",
                page(4, 1, 100, "{\"det\":{\"car\":2,\"dog\":2},\"cls\":{\"sunny\":2,\"rainy\":1}}", A, B, D, E));
    }

    @Test
    void taskAndClassFilterSortedByScoreDescending() throws Exception {
        assertJson(
                "/api/samples?task=det&class=dog&sort=det.uncertainty_entropy:desc",
                page(2, 1, 100, "{\"det\":{\"car\":1,\"dog\":2},\"cls\":{\"sunny\":1,\"rainy\":1}}", B, A));
        assertJson(
                "/api/samples?sort=det.objectness_least_confidence",
                page(4, 1, 100, "{\"det\":{\"car\":2,\"dog\":2},\"cls\":{\"sunny\":2,\"rainy\":1}}", E, A, B, D));
    }

    @Test
    void scoreRangeKeepsSamplesWithAPredictionInsideAndPagesThem() throws Exception {
        String classes = "{\"det\":{\"car\":1,\"dog\":2},\"cls\":{\"sunny\":1,\"rainy\":1}}";
        assertJson("/api/samples?score=det:0.5:1&size=1", page(2, 1, 1, classes, A));
        assertJson("/api/samples?score=det:0.5:1&size=1&page=2", page(2, 2, 1, classes, B));
        assertJson("/api/samples?score=det:0.5:1&size=1&page=3", page(2, 3, 1, classes));
        // With a class, the score must be that class's: a's dog has 0.3.
        assertJson(
                "/api/samples?class=dog&score=det:0.5:1",
                page(1, 1, 100, "{\"det\":{\"car\":0,\"dog\":1},\"cls\":{\"sunny\":0,\"rainy\":1}}", B));
    }

    @Test
    void activeLearningMetadataRunAndSizeFilters() throws Exception {
        assertJson(
                "/api/samples?al=cls.uncertainty_margin:0.5:1&meta=weather:fog",
                page(1, 1, 100, "{\"det\":{\"car\":1,\"dog\":0},\"cls\":{\"sunny\":1,\"rainy\":0}}", D));
        assertJson(
                "/api/samples?run=r1&sort=size:desc",
                page(2, 1, 100, "{\"det\":{\"car\":1,\"dog\":1},\"cls\":{\"sunny\":1,\"rainy\":1}}", B, D));
        assertJson(
                "/api/samples?sort=meta:weather:desc",
                page(4, 1, 100, "{\"det\":{\"car\":2,\"dog\":2},\"cls\":{\"sunny\":2,\"rainy\":1}}", B, A, D, E));
    }

    @Test
    void lassoKeepsThePointsInsideThePolygonOnTheRunsMap() throws Exception {
        assertJson(
                "/api/map?run=r1",
                "{\"run\":\"r1\",\"names\":[\"a.png\",\"b.png\",\"c/d.png\",\"e.png\"],\"x\":[-0.24073011631990643,"
                        + "0.5669097217598513,-0.8304062070226774,0.5042266015827324],\"y\":[-0.5161071851979655,"
                        + "0.07356890550480544,0.29153265288179214,0.15100562681136795],\"selected\":[false,true,true,"
                        + "false],\"labels\":[\"car\",\"dog\",\"car\",null]}");
        assertJson(
                "/api/samples?lasso=r1:0,-1,1,-1,1,1,0,1",
                page(2, 1, 100, "{\"det\":{\"car\":0,\"dog\":1},\"cls\":{\"sunny\":0,\"rainy\":1}}", B, E));
    }

    @Test
    void theBinaryMapHoldsTheSamePointsAsFloatsWithLabelIndexesAndSelectionFlags() throws Exception {
        Http.Bytes answer = Http.bytes(port, "/api/map/points?run=r1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/octet-stream");
        ByteBuffer in = ByteBuffer.wrap(answer.body()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        in.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("WMAP");
        assertThat(in.getInt()).isEqualTo(1);
        int n = in.getInt();
        int headerLength = in.getInt();
        assertThat(n).isEqualTo(4);
        assertThat(headerLength % 4).isZero();
        byte[] header = new byte[headerLength];
        in.get(header);
        // The header is padded with spaces to keep the floats after it aligned.
        assertThat(new String(header, StandardCharsets.UTF_8))
                .isEqualTo("{\"run\":\"r1\",\"labels\":[\"car\",\"dog\"]} ");
        float[] x = floats(in, n);
        float[] y = floats(in, n);
        // The JSON map's doubles, rounded to floats.
        assertThat(x)
                .containsExactly(
                        (float) -0.24073011631990643, (float) 0.5669097217598513, (float) -0.8304062070226774, (float)
                                0.5042266015827324);
        assertThat(y)
                .containsExactly(
                        (float) -0.5161071851979655, (float) 0.07356890550480544, (float) 0.29153265288179214, (float)
                                0.15100562681136795);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Short.toUnsignedInt(in.getShort());
        }
        // a car, b dog, c/d car, e none.
        assertThat(labels).containsExactly(0, 1, 0, 65535);
        byte[] selected = new byte[n];
        in.get(selected);
        assertThat(selected).containsExactly(0, 1, 1, 0);
        assertThat(in.remaining()).isZero();
        assertThat(Http.get(port, "/api/map/points?run=r9").status()).isEqualTo(404);
        assertRefused("/api/map/points", "map needs run=ID; the runs are listed at /api/runs.");
    }

    @Test
    void theMapsScoresFollowItsPointsWithNaNWhereASampleHasNone() throws Exception {
        Http.Bytes answer = Http.bytes(port, "/api/map/scores?run=r1&al=cls.uncertainty_margin");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/octet-stream");
        byte[] body = answer.body();
        // The map's points are a.png, b.png, c/d.png and e.png, which has no classification.
        assertThat(floats(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN), body.length / 4))
                .containsExactly(0.4f, 0.6f, 0.9f, Float.NaN);
        byte[] frequencies =
                Http.bytes(port, "/api/map/scores?run=r1&al=object_frequency").body();
        assertThat(floats(ByteBuffer.wrap(frequencies).order(ByteOrder.LITTLE_ENDIAN), frequencies.length / 4))
                .containsExactly(1.0f, 0.95f, 0.95f, 0.9f);
        assertRefused("/api/map/scores?run=r1", "map scores need al=TASK.SCORE; the scores are listed at /api/tasks.");
        assertRefused(
                "/api/map/scores?run=r1&al=uncertainty_margin",
                "al=uncertainty_margin is the score of several tasks; the scores are det.objectness_least_confidence,"
                        + " det.object_frequency, det.uncertainty_least_confidence, det.uncertainty_margin,"
                        + " det.uncertainty_entropy, cls.uncertainty_least_confidence, cls.uncertainty_margin,"
                        + " cls.uncertainty_entropy.");
        assertThat(Http.get(port, "/api/map/scores?run=r9&al=cls.uncertainty_margin")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void sampleRunsAndBrokenImage() throws Exception {
        assertJson(
                "/api/sample/c/d.png",
                "{\"name\":\"c/d.png\",\"size\":82,\"width\":32,\"height\":32,\"problem\":null,"
                        + "\"predictions\":{\"det\":{\"file_name\":\"c/d.png\","
                        + "\"predictions\":[{\"category_id\":0,\"bbox\":[2,2,8,8],\"score\":0.2}]},"
                        + "\"cls\":{\"file_name\":"
                        + "\"c/d.png\",\"predictions\":[{\"category_id\":0,\"probabilities\":[0.55,0.45]}"
                        + "]}},\"scores\":{"
                        + "\"det.objectness_least_confidence\":0.8,\"det.object_frequency\":0.95,"
                        + "\"det.uncertainty_least_confidence\":0.4,\"det.uncertainty_margin\":0.4,"
                        + "\"det.uncertainty_entropy\":0.7219281,\"cls.uncertainty_least_confidence\":0.9,"
                        + "\"cls.uncertainty_margin\":0.9,\"cls.uncertainty_entropy\":0.9927744},\"metadata\":{"
                        + "\"weather\":\"fog\"},\"runs\":[\"r1\"],\"tags\":[]}");
        Http.Answer broken = Http.get(port, "/api/sample/e.png");
        assertThat(broken.body())
                .contains("\"problem\":\"The file 'e.png' is not an image Winnow can read (JPEG, PNG, GIF, BMP, TIFF or"
                        + " WebP).\"");
        Http.Answer thumb = Http.get(port, "/api/thumb/e.png");
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.contentType()).isEqualTo("image/png");
        assertThat(Http.get(port, "/api/thumb/a.png").contentType()).isEqualTo("image/jpeg");
        assertThat(Http.get(port, "/api/image/c/d.png").contentType()).isEqualTo("image/jpeg");
        assertJson(
                "/api/runs", "{\"runs\":[{\"id\":\"r1\",\"selected\":2,\"crops\":0,\"map\":true,\"report\":false}]}");
        assertJson("/api/runs/r1/crops", "{\"run\":\"r1\",\"crops\":[]}");
    }

    @Test
    void badParametersAreRefusedInWinnowsWords() throws Exception {
        assertRefused("/api/samples?task=nope", "task=nope names no task; the tasks are det, cls.");
        assertRefused(
                "/api/samples?class=cat",
                "class=cat names no class of any task; the classes are car, dog, sunny, rainy.");
        assertRefused("/api/samples?score=det:x:1", "score=det:x:1: \"x\" is not a number; expected score:min:max.");
        assertRefused("/api/samples?score=det:0.9:0.1", "score=det:0.9:0.1 has its minimum above its maximum.");
        assertRefused(
                "/api/samples?al=uncertainty_margin:0:1",
                "al=uncertainty_margin is the score of several tasks; the scores are"
                        + " det.objectness_least_confidence, det.object_frequency, det.uncertainty_least_confidence,"
                        + " det.uncertainty_margin, det.uncertainty_entropy, cls.uncertainty_least_confidence,"
                        + " cls.uncertainty_margin, cls.uncertainty_entropy.");
        assertRefused(
                "/api/samples?meta=mood:happy", "meta=mood:happy names no metadata field; the fields are weather.");
        assertRefused("/api/samples?run=r9", "There is no complete run r9 in .winnow/runs/.");
        assertRefused("/api/samples?page=0", "page=0 is not a whole number from 1 to 2147483647.");
        assertRefused("/api/samples?size=5000", "size=5000 is not a whole number from 1 to 1000.");
        assertRefused(
                "/api/samples?lasso=r1:0,0,1,1",
                "lasso needs x,y pairs of at least three points, but got \"0,0,1,1\".");
        Http.Answer tag = Http.post(port, "/api/tags/keep", "{\"names\": [\"a.png\"]}");
        assertThat(tag.status()).isEqualTo(400);
        assertThat(tag.body())
                .isEqualTo("Tags are written under <output>/.winnow/tags/, and this viewer was started "
                        + "without --output, so it writes nothing; start it again with --output to tag.\n");
    }
}
