package dev.winnow.serve;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.jspecify.annotations.Nullable;

/**
 * The viewer's HTTP server: the pages and scripts from the jar, the JSON API of {@link ViewerApi}
 * under {@code /api/}, the thumbnails and images. It binds the loopback address unless told
 * otherwise; on any other address every request must carry a one-time access token, given once as
 * {@code ?token=} (which sets a cookie) or in that cookie.
 *
 * <pre>{@code
 * try (ViewerServer server = ViewerServer.start(api, "127.0.0.1", 0)) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class ViewerServer implements AutoCloseable {
    static final String COOKIE = "winnow_token";
    private static final String PAGES = "/dev/winnow/serve/web/";
    private static final Map<String, String> FILES = Map.of(
            "viewer.css", "text/css; charset=utf-8",
            "viewer.js", "text/javascript; charset=utf-8",
            "grid.js", "text/javascript; charset=utf-8",
            "sample.js", "text/javascript; charset=utf-8",
            "map.js", "text/javascript; charset=utf-8",
            "runs.js", "text/javascript; charset=utf-8");
    private static final Map<String, String> PAGE_FILES =
            Map.of("/", "grid.html", "/sample", "sample.html", "/map", "map.html", "/runs", "runs.html");

    private final Javalin app;
    private final String host;
    private final @Nullable String token;

    private ViewerServer(Javalin app, String host, @Nullable String token) {
        this.app = app;
        this.host = host;
        this.token = token;
    }

    /**
     * Starts serving {@code viewer} on {@code host}:{@code port} (0: a free port). A host that is not a
     * loopback address gets an access token.
     */
    public static ViewerServer start(Viewer viewer, String host, int port) throws IOException {
        return start(viewer, host, port, !isLoopback(host));
    }

    /** Like {@link #start(Viewer, String, int)}, with a token whenever {@code withToken}. */
    static ViewerServer start(Viewer viewer, String host, int port, boolean withToken) throws IOException {
        String token = withToken ? newToken() : null;
        Javalin app = Javalin.create(config -> configure(config, viewer, token));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new IOException(
                    "The viewer could not listen on " + host + ":" + port + ": "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    e);
        }
        return new ViewerServer(app, host, token);
    }

    /** Whether {@code host} names only loopback addresses (127.0.0.1, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    /** The address the server socket is bound to, as the operating system reports it. */
    public InetSocketAddress boundAddress() throws IOException {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector network
                    && network.getTransport() instanceof ServerSocketChannel channel) {
                SocketAddress address = channel.getLocalAddress();
                if (address instanceof InetSocketAddress inet) {
                    return inet;
                }
            }
        }
        throw new IOException("The viewer has no open server socket.");
    }

    /** The access token, when the host needs one. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The URL to open, with the token when there is one. */
    public String url() {
        return url(Optional.empty());
    }

    /**
     * The URL of the grid with {@code query} (already encoded, like {@code run=batch-1}), with the token when there is
     * one.
     */
    public String url(Optional<String> query) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        List<String> parts = new ArrayList<>();
        query.ifPresent(parts::add);
        if (token != null) {
            parts.add("token=" + token);
        }
        return "http://" + shown + ":" + port() + "/" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void configure(JavalinConfig config, Viewer viewer, @Nullable String token) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // Encoded slashes and dot segments reach the handlers, which refuse them with 404 like any unknown name.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.UNSAFE));
        // What Jetty refuses before routing (an encoded NUL, say) is answered like an unknown name too.
        config.jetty.modifyServer(server -> server.setErrorHandler((request, response, callback) -> {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(
                    true,
                    ByteBuffer.wrap("There is nothing at this address.\n".getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }));
        config.http.maxRequestSize = 64L << 20;
        if (token != null) {
            config.routes.before(ctx -> requireToken(ctx, token));
        }
        config.routes.before(ViewerServer::refuseHostilePath);
        config.routes.exception(Refusal.class, (e, ctx) -> text(ctx, e.status, String.valueOf(e.getMessage())));
        config.routes.exception(QueryException.class, (e, ctx) -> text(ctx, 400, String.valueOf(e.getMessage())));
        config.routes.exception(
                ViewerApi.NotFoundException.class, (e, ctx) -> text(ctx, 404, String.valueOf(e.getMessage())));
        config.routes.exception(IOException.class, (e, ctx) -> text(ctx, 500, "Reading failed: " + e.getMessage()));
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                text(ctx, 404, "There is nothing at " + SampleNames.printable(ctx.path()) + ".");
            }
        });
        PAGE_FILES.forEach(
                (path, file) -> config.routes.get(path, ctx -> resource(ctx, file, "text/html; charset=utf-8")));
        config.routes.get("/static/{file}", ctx -> {
            String type = FILES.get(ctx.pathParam("file"));
            if (type == null) {
                throw new Refusal(404, "There is no file " + SampleNames.printable(ctx.pathParam("file")) + ".");
            }
            resource(ctx, ctx.pathParam("file"), type);
        });
        config.routes.get("/api/tasks", ctx -> json(ctx, viewer.api().tasks()));
        config.routes.get("/api/samples", ctx -> json(ctx, viewer.api().samples(ctx.queryParamMap())));
        config.routes.get("/api/sample/<name>", ctx -> json(ctx, viewer.api().sample(name(ctx))));
        config.routes.get("/api/thumb/<name>", ctx -> {
            ViewerApi api = viewer.api(); // one index for the name's check and the picture
            picture(ctx, api.pictures().thumbnail(sample(ctx, api)));
        });
        config.routes.get("/api/image/<name>", ctx -> {
            ViewerApi api = viewer.api(); // one index for the name's check and the picture
            picture(ctx, api.pictures().image(sample(ctx, api)));
        });
        config.routes.get("/api/runs", ctx -> json(ctx, viewer.api().runs()));
        config.routes.get("/api/runs/{run}/report", ctx -> {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(viewer.api().report(ctx.pathParam("run")));
        });
        config.routes.get("/api/runs/{run}/crops", ctx -> json(ctx, viewer.api().crops(ctx.pathParam("run"))));
        config.routes.get("/api/runs/{run}/crop/<name>", ctx -> {
            ctx.contentType("image/png");
            ctx.header("Cache-Control", "private, max-age=3600");
            ctx.result(viewer.api().cropPicture(ctx.pathParam("run"), name(ctx)));
        });
        config.routes.get("/api/map", ctx -> json(ctx, viewer.api().map(ctx.queryParam("run"))));
        config.routes.get("/api/map/points", ctx -> {
            ctx.contentType("application/octet-stream");
            ctx.result(viewer.api().mapPoints(ctx.queryParam("run")));
        });
        config.routes.get("/api/map/scores", ctx -> {
            ctx.contentType("application/octet-stream");
            ctx.result(viewer.api().mapScores(ctx.queryParam("run"), ctx.queryParam("al")));
        });
        config.routes.get("/api/tags", ctx -> json(ctx, viewer.api().tagList()));
        config.routes.post("/api/tags/{tag}", ctx -> json(ctx, viewer.api().tag(ctx.pathParam("tag"), ctx.body())));
        config.routes.get("/api/tags/{tag}/export", ctx -> {
            ViewerApi.Export export =
                    viewer.api().export(ctx.pathParam("tag"), ctx.queryParam("format"), ctx.queryParam("task"));
            ctx.contentType(export.mimeType());
            ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
            ctx.result(export.text());
        });
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private static String sample(Context ctx, ViewerApi api) throws ViewerApi.NotFoundException {
        String name = name(ctx);
        api.position(name);
        return name;
    }

    private static void picture(Context ctx, Pictures.Picture picture) {
        ctx.contentType(picture.mimeType());
        ctx.header("Cache-Control", "private, max-age=3600");
        if (picture.problem() != null) {
            ctx.header("X-Winnow-Problem", picture.problem().replaceAll("[\\r\\n]", " "));
        }
        ctx.result(picture.bytes());
    }

    /**
     * Dot segments, encoded dots, slashes and backslashes, and NUL never belong in a viewer URL; such
     * a request is answered like any unknown name before a route sees it.
     */
    private static void refuseHostilePath(Context ctx) {
        String raw = ctx.req().getRequestURI();
        String path = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        if (path.contains("/../")
                || path.contains("/./")
                || path.endsWith("/..")
                || path.endsWith("/.")
                || path.contains("%2e")
                || path.contains("%2f")
                || path.contains("%5c")
                || path.contains("%00")
                || path.contains("\\")
                || path.contains("//")) {
            throw new Refusal(404, "There is nothing at " + SampleNames.printable(raw == null ? "" : raw) + ".");
        }
    }

    private static void requireToken(Context ctx, String token) {
        String given = ctx.queryParam("token");
        if (given != null && equal(given, token)) {
            ctx.cookie(new io.javalin.http.Cookie(
                    COOKIE, token, "/", -1, false, true, null, io.javalin.http.SameSite.STRICT));
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && equal(cookie, token)) {
            return;
        }
        if (given == null && cookie == null) {
            throw new Refusal(401, "This viewer needs its access token: open the URL that winnow serve printed.");
        }
        throw new Refusal(403, "The access token is wrong: open the URL that winnow serve printed.");
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void resource(Context ctx, String file, String type) throws IOException {
        try (InputStream in = ViewerServer.class.getResourceAsStream(PAGES + file)) {
            if (in == null) {
                throw new Refusal(404, "There is no file " + SampleNames.printable(file) + ".");
            }
            ctx.contentType(type);
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        }
    }

    private static void json(Context ctx, String json) {
        ctx.contentType("application/json");
        ctx.result(json);
    }

    private static void text(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(message + "\n");
    }

    /** A request refused with a status and Winnow's sentence. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
