package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./winnow serve} from the packaged jar: it indexes, prints the URL, serves, and reads its cache the second
 * time.
 */
class ServeIT {
    private static final Path LAUNCHER =
            Path.of("..", "winnow").toAbsolutePath().normalize();
    private static final Pattern URL = Pattern.compile("Open (http://127\\.0\\.0\\.1:\\d+/) in a browser");

    @TempDir
    Path dir;

    @Test
    void servesTheDemoAndReadsTheCachedIndexOnTheSecondStart() throws Exception {
        Path data = dir.resolve("data");
        DemoDataset.generate(data, 12, 96, 64, 7);
        Path output = dir.resolve("out");
        Files.createDirectories(output);
        copy(data.resolve(".lightly"), output.resolve(".lightly"));

        String first = serveOnce(data, output, "/api/samples?task=shapes&size=1");
        assertThat(first).startsWith("{\"total\":12,\"page\":1,\"size\":1,");
        assertThat(Files.readString(dir.resolve("err.txt")))
                .startsWith("Indexing " + data + "...\n")
                .containsPattern("\nIndexed 12 samples in 3 tasks in \\d+\\.\\d s\\.\n");
        assertThat(output.resolve(".winnow/serve/index.bin")).exists();

        String page = serveOnce(data, output, "/");
        assertThat(page).contains("<title>Winnow</title>");
        assertThat(Files.readString(dir.resolve("err.txt")))
                .containsPattern(
                        "\nRead the index of 12 samples in 3 tasks in \\d+\\.\\d s; checking it against the files while"
                                + " serving\\.\n");
    }

    private String serveOnce(Path input, Path output, String request) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(
                        LAUNCHER.toString(),
                        "serve",
                        "--input",
                        input.toString(),
                        "--output",
                        output.toString(),
                        "--port",
                        "0")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            Matcher url = null;
            for (int i = 0; i < 1200 && process.isAlive(); i++) {
                url = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
                if (url.find()) {
                    break;
                }
                url = null;
                Thread.sleep(50);
            }
            assertThat(url).as(Files.readString(err)).isNotNull();
            Matcher found = Objects.requireNonNull(url);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(found.group(1) + request.substring(1)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
