package dev.winnow.cli;

import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.Locations;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket that refuses one object while a command reads many (a 403 from a test proxy in front of
 * S3Proxy) stops the command with the access sentence and exit code 3, instead of a diagnostic for
 * that file and a finished command.
 */
class CloudAccessDeniedTest {
    private static final String DENIED_PREDICTION = ".lightly/predictions/det/b.json";

    @TempDir
    Path dir;

    private S3ProxyServer server;
    private FaultProxy proxy;
    private String bucket;
    private String remote;
    private String endpoint;

    @BeforeEach
    void bucketBehindAProxy() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        bucket = server.newBucket("denied");
        remote = "s3://" + bucket + "/data";
        Datasource data = Locations.openOrCreate(remote);
        data.writeAtomically(".lightly/predictions/tasks.json", bytes("[\"det\"]"));
        data.writeAtomically(
                ".lightly/predictions/det/schema.json",
                bytes("{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"cat\"}]}"));
        for (String name : new String[] {"a", "b", "c"}) {
            data.writeAtomically(name + ".png", png());
            data.writeAtomically(
                    ".lightly/predictions/det/" + name + ".json",
                    bytes("{\"file_name\": \"" + name + ".png\", \"predictions\": [{\"category_id\": 0,"
                            + " \"bbox\": [1, 1, 4, 4], \"score\": 0.8, \"probabilities\": [0.8]}]}"));
        }
        proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1);
        endpoint = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
    }

    @AfterEach
    void restore() throws IOException {
        System.setProperty("aws.endpointUrl", endpoint);
        proxy.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Denies reading one object, as a policy without s3:GetObject on it does: its GETs and HEADs. */
    private void deny(String path) {
        deny(path, true);
    }

    /** Denies one object's GETs, and its HEADs when {@code heads}. */
    private void deny(String path, boolean heads) {
        String key = "/" + bucket + "/data/" + path;
        proxy.deny(line -> {
            String target = line.substring(line.indexOf(' ') + 1);
            boolean read = line.startsWith("GET ") || (heads && line.startsWith("HEAD "));
            return read && (target.startsWith(key + " ") || target.startsWith(key + "?"));
        });
    }

    private String deniedSentence(String path) {
        return "winnow: Access to " + remote + " was denied reading '" + path
                + "': the credentials lack the permission s3:GetObject.\n";
    }

    @Test
    void validate_stopsOnADeniedPredictionFile() {
        deny(DENIED_PREDICTION);

        Finished result = inProcess("validate", "--input", remote);

        assertThat(result.err()).isEqualTo(deniedSentence(DENIED_PREDICTION));
        assertThat(result.out()).isEmpty();
        assertThat(result.exit()).isEqualTo(ExitCodes.IO);
    }

    @Test
    void validate_stopsOnADeniedImage() {
        deny("c.png");

        Finished result = inProcess("validate", "--input", remote);

        assertThat(result.err()).isEqualTo(deniedSentence("c.png"));
        assertThat(result.out()).isEmpty();
        assertThat(result.exit()).isEqualTo(ExitCodes.IO);
    }

    @Test
    void scores_stopsOnADeniedPredictionFile() {
        deny(DENIED_PREDICTION);

        Finished result = inProcess("scores", "--input", remote, "--task", "det");

        assertThat(result.err()).isEqualTo(deniedSentence(DENIED_PREDICTION));
        assertThat(result.out()).isEmpty();
        assertThat(result.exit()).isEqualTo(ExitCodes.IO);
    }

    @Test
    void run_stopsOnADeniedImage_andWritesNoFinishedRun() throws IOException {
        deny("b.png");
        Path config = dir.resolve("run.json");
        Files.writeString(config, """
                {"selection": {"n_samples": 1, "strategies": [
                  {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}}""");

        Finished result = inProcess(
                "run",
                "--input",
                remote,
                "--output",
                dir.resolve("out").toString(),
                "--config",
                config.toString(),
                "--run-id",
                "r1");

        assertThat(result.err()).endsWith(deniedSentence("b.png"));
        assertThat(result.exit()).isEqualTo(ExitCodes.IO);
        assertThat(dir.resolve("out/.winnow/runs/r1/run.complete")).doesNotExist();
    }

    /** A store that answers HEAD but refuses the GET (a policy on the bytes only) stops as well, not "not an image". */
    @Test
    void imageWhoseGetAloneIsDenied_stopsWithTheSentence_inValidateAndRun() throws IOException {
        deny("b.png", false);

        Finished validated = inProcess("validate", "--input", remote);

        assertThat(validated.err()).isEqualTo(deniedSentence("b.png"));
        assertThat(validated.out()).isEmpty();
        assertThat(validated.exit()).isEqualTo(ExitCodes.IO);

        Path config = dir.resolve("run.json");
        Files.writeString(config, """
                {"selection": {"n_samples": 1, "strategies": [
                  {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}}""");
        Finished ran = inProcess(
                "run",
                "--input",
                remote,
                "--output",
                dir.resolve("out").toString(),
                "--config",
                config.toString(),
                "--run-id",
                "r2");

        assertThat(ran.err()).endsWith(deniedSentence("b.png"));
        assertThat(ran.err()).doesNotContain("not an image");
        assertThat(ran.exit()).isEqualTo(ExitCodes.IO);
        assertThat(dir.resolve("out/.winnow/runs/r2/run.complete")).doesNotExist();
    }
}
