package dev.winnow.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP requests against a started viewer, the raw path sent as written (nothing re-encoded).
 * Each request has a client of its own: Jetty closes the connection after a request it refuses
 * outright, and a shared client could send the next request on it.
 */
final class Http {
    private Http() {}

    record Answer(int status, String body, String contentType) {}

    static Answer get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return send(port, pathAndQuery, null, null);
    }

    static Answer get(int port, String pathAndQuery, String cookie) throws IOException, InterruptedException {
        return send(port, pathAndQuery, null, cookie);
    }

    static Answer post(int port, String path, String body) throws IOException, InterruptedException {
        return send(port, path, body, null);
    }

    private static Answer send(int port, String pathAndQuery, @Nullable String body, @Nullable String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (body != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                new String(response.body(), StandardCharsets.UTF_8),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    /** A GET whose body is kept as bytes (pictures, the binary map). */
    record Bytes(int status, byte[] body, String contentType) {}

    static Bytes bytes(int port, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    static Optional<String> setCookie(int port, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Set-Cookie");
    }
}
