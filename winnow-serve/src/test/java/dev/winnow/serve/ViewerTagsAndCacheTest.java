package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags written under the output and exported; the index cached and rebuilt when a prediction changes. */
class ViewerTagsAndCacheTest {
    @TempDir
    Path temp;

    private static Viewer open(Datasource input, Datasource output, List<String> phases) throws Exception {
        return Viewer.open(
                input,
                output,
                true,
                2,
                new Progress() {
                    @Override
                    public void phase(String name, long total) {
                        phases.add(name);
                    }

                    @Override
                    public void advance(long done) {}

                    @Override
                    public void message(String line) {}
                },
                d -> {});
    }

    @Test
    void tagsAreWrittenAtomicallyUnderTheOutputAndExported() throws Exception {
        Path data = SmallDatasource.write(temp);
        Datasource location = Locations.open(data.toString());
        List<String> before = listing(data);
        Viewer viewer = open(location, location, new ArrayList<>());
        try (ViewerServer server = ViewerServer.start(viewer, "127.0.0.1", 0)) {
            int port = server.port();
            Http.Answer byFilter = Http.post(port, "/api/tags/review", "{\"filter\": \"task=det&class=car\"}");
            assertThat(byFilter.body()).isEqualTo("{\"tag\":\"review\",\"added\":2,\"count\":2}");
            Http.Answer byName = Http.post(port, "/api/tags/review", "{\"names\": [\"b.png\", \"a.png\"]}");
            assertThat(byName.body()).isEqualTo("{\"tag\":\"review\",\"added\":2,\"count\":3}");
            assertThat(Files.readString(data.resolve(".winnow/tags/review.txt"), StandardCharsets.UTF_8))
                    .isEqualTo("a.png\nb.png\nc/d.png\n");
            assertThat(Http.get(port, "/api/tags").body()).isEqualTo("{\"tags\":{\"review\":3}}");
            assertThat(Http.get(port, "/api/samples?tag=review&size=1").body()).startsWith("{\"total\":3,");
            Http.Answer relevant = Http.get(port, "/api/tags/review/export?format=relevant_filenames");
            assertThat(relevant.body()).isEqualTo("a.png\nb.png\nc/d.png\n");
            assertThat(Http.get(port, "/api/tags/review/export?format=names").body())
                    .isEqualTo("[\"a.png\",\"b.png\",\"c/d.png\"]");
            String coco = Http.get(port, "/api/tags/review/export?format=coco&task=det")
                    .body();
            assertThat(coco)
                    .isEqualTo("{\"annotations\":[{\"id\":1,\"image_id\":1,\"category_id\":0,\"bbox\":[4,4,20,10],"
                            + "\"area\":200,\"iscrowd\":0,\"score\":0.9},{\"id\":2,\"image_id\":1,\"category_id\":1,"
                            + "\"bbox\":[30,20,10,10],\"area\":100,\"iscrowd\":0,\"score\":0.3},"
                            + "{\"id\":3,\"image_id\":2,"
                            + "\"category_id\":1,\"bbox\":[1,1,30,30],\"area\":900,\"iscrowd\":0,"
                            + "\"score\":0.6},{\"id\":4,"
                            + "\"image_id\":3,\"category_id\":0,\"bbox\":[2,2,8,8],\"area\":64,"
                            + "\"iscrowd\":0,\"score\":0.2}],"
                            + "\"images\":[{\"id\":1,\"file_name\":\"a.png\",\"width\":64,\"height\":48},{\"id\":2,"
                            + "\"file_name\":\"b.png\",\"width\":64,\"height\":48},{\"id\":3,\"file_name\":\"c/d.png\","
                            + "\"width\":32,\"height\":32}],\"categories\":[{\"id\":0,\"name\":\"car\"},{\"id\":1,"
                            + "\"name\":\"dog\"}]}");
            assertThat(Http.get(port, "/api/tags/review/export?format=xml").body())
                    .isEqualTo("format=xml is not one of relevant_filenames, names, coco.\n");
            assertThat(Http.post(port, "/api/tags/review", "{\"names\": [\"zzz.png\"]}")
                            .body())
                    .isEqualTo("names holds \"zzz.png\", which is not a sample of the index.\n");
            assertThat(Http.post(port, "/api/tags/..", "{\"names\": [\"a.png\"]}")
                            .status())
                    .isEqualTo(404);
            assertThat(Http.get(port, "/api/tags/nothing/export").body())
                    .isEqualTo("There is no tag nothing; the tags are review.\n");
            assertThat(Http.get(port, "/api/sample/a.png").body()).endsWith("\"tags\":[\"review\"]}");
        }
        List<String> after = listing(data);
        after.removeIf(p -> p.startsWith(".winnow/tags/") || p.startsWith(".winnow/serve/"));
        assertThat(after).isEqualTo(before);
        assertThat(listing(data.resolve(".winnow"))).contains("tags/review.txt", "serve/index.bin");
    }

    @Test
    void theSecondStartReadsTheCacheUntilAPredictionChanges() throws Exception {
        Path data = SmallDatasource.write(temp);
        Path out = temp.resolve("out");
        Datasource input = Locations.open(data.toString());
        Files.createDirectories(out);
        copyTree(data.resolve(".lightly"), out.resolve(".lightly"));
        Datasource output = Locations.open(out.toString());
        List<String> first = new ArrayList<>();
        Viewer cold = open(input, output, first);
        assertThat(cold.fromCache()).isFalse();
        assertThat(first).contains("Reading the predictions of task det", "Reading the predictions of task cls");
        List<String> second = new ArrayList<>();
        Viewer warm = open(input, output, second);
        assertThat(warm.fromCache()).isTrue();
        assertThat(second).isEmpty();
        assertThat(warm.sampleCount()).isEqualTo(4);
        Path prediction = out.resolve(".lightly/predictions/det/b.json");
        Files.writeString(
                prediction,
                "{\"file_name\": \"b.png\", \"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 3, "
                        + "3], \"score\": 0.61}]}");
        Viewer rebuilt = open(input, output, new ArrayList<>());
        assertThat(rebuilt.fromCache()).isFalse();
        try (ViewerServer server = ViewerServer.start(rebuilt, "127.0.0.1", 0)) {
            assertThat(Http.get(server.port(), "/api/samples?class=dog&size=1").body())
                    .startsWith("{\"total\":1,");
        }
        assertThat(listing(data)).noneMatch(p -> p.startsWith(".winnow/serve") || p.startsWith(".winnow/tags"));
    }

    @Test
    void aStartFromTheCacheServesAtOnceAndSwitchesToTheChangedFilesWhenTheCheckEnds() throws Exception {
        Path data = SmallDatasource.write(temp.resolve("first"));
        Datasource location = Locations.open(data.toString());
        assertThat(open(location, location, new ArrayList<>()).fromCache()).isFalse();
        List<String> notices = new ArrayList<>();
        Viewer unchanged =
                Viewer.openCachedFirst(location, location, true, 2, Progress.NONE, d -> {}, n -> notices.add(n));
        assertThat(unchanged.fromCache()).isTrue();
        assertThat(unchanged.awaitCheck()).isFalse();
        assertThat(notices).containsExactly("The index matches the files.");

        // b.png's dog becomes a car.
        Files.writeString(
                data.resolve(".lightly/predictions/det/b.json"),
                "{\"file_name\": \"b.png\", \"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 3, "
                        + "3], \"score\": 0.61}]}");
        List<String> changed = new ArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        Viewer viewer = Viewer.openCachedFirst(location, location, true, 2, Progress.NONE, d -> {}, n -> {
            try {
                // The check waits until the test has seen the cached index served.
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            changed.add(n.replaceAll("again in [0-9.]+ s", "again in T s"));
        });
        assertThat(viewer.fromCache()).isTrue();
        try (ViewerServer server = ViewerServer.start(viewer, "127.0.0.1", 0)) {
            assertThat(Http.get(server.port(), "/api/samples?class=dog&size=1").body())
                    .startsWith("{\"total\":2,");
            hold.countDown();
            assertThat(viewer.awaitCheck()).isTrue();
            assertThat(Http.get(server.port(), "/api/samples?class=dog&size=1").body())
                    .startsWith("{\"total\":1,");
        }
        assertThat(changed)
                .containsExactly(
                        "The files changed since the index was built; indexing them again while the pages show the"
                                + " previous index.",
                        "Indexed 4 samples again in T s; the pages show them now.");
        // The rebuilt index was cached: the next start's check finds it current.
        List<String> third = new ArrayList<>();
        Viewer next = Viewer.openCachedFirst(location, location, true, 2, Progress.NONE, d -> {}, n -> third.add(n));
        assertThat(next.awaitCheck()).isFalse();
        assertThat(third).containsExactly("The index matches the files.");
    }

    private static void copyTree(Path from, Path to) throws Exception {
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

    private static List<String> listing(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList());
        }
    }
}
