package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default bind, the access token, and hostile sample names against every route. */
class ViewerSecurityTest {
    @TempDir
    static Path temp;

    static Viewer viewer;
    static ViewerServer server;

    @BeforeAll
    static void start() throws Exception {
        Path data = SmallDatasource.write(temp);
        Datasource location = Locations.open(data.toString());
        viewer = Viewer.open(location, location, true, 2, Progress.NONE, d -> {});
        server = ViewerServer.start(viewer, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDefaultHostIsLoopbackOnlyAndNeedsNoToken() throws Exception {
        InetSocketAddress bound = server.boundAddress();
        assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(bound.getPort()).isEqualTo(server.port());
        assertThat(server.token()).isEmpty();
        assertThat(ViewerServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(ViewerServer.isLoopback("localhost")).isTrue();
        assertThat(ViewerServer.isLoopback("0.0.0.0")).isFalse();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void withATokenEveryRequestWithoutItIsRefused() throws Exception {
        try (ViewerServer guarded = ViewerServer.start(viewer, "127.0.0.1", 0, true)) {
            int port = guarded.port();
            String token = guarded.token().orElseThrow();
            assertThat(token).hasSize(48);
            assertThat(guarded.url()).isEqualTo("http://127.0.0.1:" + port + "/?token=" + token);
            // One character changed; a random token may itself start with "0".
            String wrongToken = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
            for (String path :
                    List.of("/", "/api/samples", "/api/sample/a.png", "/api/thumb/a.png", "/static/grid.js")) {
                Http.Answer none = Http.get(port, path);
                assertThat(none.status()).as(path).isEqualTo(401);
                assertThat(none.body())
                        .isEqualTo("This viewer needs its access token: open the URL that winnow serve printed.\n");
                Http.Answer wrong = Http.get(port, path + "?token=" + wrongToken);
                assertThat(wrong.status()).as(path).isEqualTo(403);
                assertThat(wrong.body())
                        .isEqualTo("The access token is wrong: open the URL that winnow serve printed.\n");
                assertThat(Http.get(port, path, ViewerServer.COOKIE + "=nope").status())
                        .isEqualTo(403);
            }
            assertThat(Http.post(port, "/api/tags/x", "{\"names\": [\"a.png\"]}")
                            .status())
                    .isEqualTo(401);
            String cookie = Http.setCookie(port, "/?token=" + token).orElseThrow();
            assertThat(cookie).startsWith(ViewerServer.COOKIE + "=" + token).contains("HttpOnly", "SameSite=Strict");
            Http.Answer withCookie = Http.get(port, "/api/samples?size=1", ViewerServer.COOKIE + "=" + token);
            assertThat(withCookie.status()).isEqualTo(200);
            assertThat(withCookie.body()).startsWith("{\"total\":4,");
        }
    }

    @Test
    void hostileNamesGet404OnEveryRouteAndNothingOutsideIsRead() throws Exception {
        List<String> names = List.of(
                "../secret.txt",
                "..%2fsecret.txt",
                "%2e%2e/secret.txt",
                "%2E%2E%2Fsecret.txt",
                "c%2fd.png",
                "c/../a.png",
                "./a.png",
                "c/./d.png",
                "..%5csecret.txt",
                "%2fetc%2fpasswd",
                "/etc/passwd",
                "//etc/passwd",
                "a.png%00.json",
                "a.png%00",
                "%00",
                "..",
                "%2e%2e",
                ".lightly/predictions/det/a.json",
                "nope.png");
        int port = server.port();
        for (String name : names) {
            for (String route : List.of("/api/sample/", "/api/thumb/", "/api/image/", "/api/tags/", "/static/")) {
                Http.Answer answer = Http.get(port, route + name);
                assertThat(answer.status()).as(route + name).isEqualTo(404);
                assertThat(answer.body()).doesNotContain("SECRET-OUTSIDE");
            }
            Http.Answer export = Http.get(port, "/api/tags/" + name + "/export");
            assertThat(export.status()).as("export " + name).isIn(400, 404);
            if (!name.equals("nope.png")) {
                // Every other name is no allowed tag name, so nothing is written for it.
                assertThat(Http.post(port, "/api/tags/" + name, "{\"names\": [\"a.png\"]}")
                                .status())
                        .as("tag " + name)
                        .isIn(400, 404);
            }
        }
        for (String query : List.of(
                "/api/map?run=..%2F..%2Fsecret",
                "/api/samples?run=../x",
                "/api/samples?tag=../../secret",
                "/api/tags/x/export?format=coco&task=..%2F..")) {
            Http.Answer answer = Http.get(port, query);
            assertThat(answer.status()).as(query).isIn(400, 404);
            assertThat(answer.body()).doesNotContain("SECRET-OUTSIDE");
        }
        assertThat(Http.get(port, "/api/sample/a.png").status()).isEqualTo(200);
        assertThat(Http.get(port, "/api/sample/c/d.png").status()).isEqualTo(200);
    }
}
