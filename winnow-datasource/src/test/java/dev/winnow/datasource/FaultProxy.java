package dev.winnow.datasource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy in front of a test server that misbehaves like a busy object store: on a
 * fraction of requests it answers 503 SlowDown, resets the connection before answering, or waits
 * before passing the request on. Requests a rule denies get 403 AccessDenied. Everything else is
 * passed on unchanged, one upstream connection per request. Counters tell which faults happened.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final double slowDownShare;
    private final double resetShare;
    private final double delayShare;
    private final long delayMillis;
    private final Random random;
    private volatile Predicate<String> denied = requestLine -> false;
    private volatile boolean throttlingAll;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public final AtomicInteger slowDowns = new AtomicInteger();
    public final AtomicInteger resets = new AtomicInteger();
    public final AtomicInteger delays = new AtomicInteger();
    public final AtomicInteger passed = new AtomicInteger();

    public FaultProxy(
            int upstreamPort, double slowDownShare, double resetShare, double delayShare, long delayMillis, long seed)
            throws IOException {
        this.upstreamPort = upstreamPort;
        this.slowDownShare = slowDownShare;
        this.resetShare = resetShare;
        this.delayShare = delayShare;
        this.delayMillis = delayMillis;
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers 403 AccessDenied to every request whose request line ({@code GET /bucket/key?x HTTP/1.1}) matches. */
    public void deny(Predicate<String> requestLine) {
        denied = requestLine;
    }

    /** While on, every request is answered 503 SlowDown. */
    public void throttleAll(boolean on) {
        throttlingAll = on;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Future<?> unused = connections.submit(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                boolean isHead = requestLine.startsWith("HEAD ");
                if (header(head, "expect") != null) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = readBody(in, head);
                if (denied.test(requestLine)) {
                    answer(out, 403, "Forbidden", "AccessDenied", "Access Denied", isHead);
                    continue;
                }
                double roll = throttlingAll ? 0 : roll();
                if (throttlingAll || roll < slowDownShare) {
                    slowDowns.incrementAndGet();
                    answer(out, 503, "Slow Down", "SlowDown", "Please reduce your request rate.", isHead);
                    continue;
                }
                if (roll < slowDownShare + resetShare) {
                    resets.incrementAndGet();
                    client.setSoLinger(true, 0); // a RST instead of an orderly close
                    return;
                }
                if (roll < slowDownShare + resetShare + delayShare) {
                    delays.incrementAndGet();
                    Thread.sleep(delayMillis);
                }
                passed.incrementAndGet();
                forward(head, body, out);
                return; // the answer said Connection: close
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to tell
        }
    }

    private static void answer(OutputStream out, int status, String reason, String code, String message, boolean isHead)
            throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + (isHead ? 0 : body.length) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!isHead) {
            out.write(body);
        }
        out.flush();
    }

    private void forward(String head, byte[] body, OutputStream out) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream up = upstream.getOutputStream();
            up.write(withConnectionClose(head, true).getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            InputStream down = upstream.getInputStream();
            String responseHead = readHead(down);
            while (responseHead != null && responseHead.startsWith("HTTP/1.1 100")) {
                responseHead = readHead(down);
            }
            if (responseHead == null) {
                return;
            }
            out.write(withConnectionClose(responseHead, false).getBytes(StandardCharsets.ISO_8859_1));
            down.transferTo(out);
            out.flush();
        }
    }

    /** The head with its Connection and Expect headers replaced by {@code Connection: close}. */
    private static String withConnectionClose(String head, boolean request) {
        StringBuilder result = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("connection:") || (request && lower.startsWith("expect:"))) {
                continue;
            }
            result.append(line).append("\r\n");
        }
        return result.append("Connection: close\r\n\r\n").toString();
    }

    private static @Nullable String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The bytes up to and including the blank line, or null at the end of the stream. */
    private static @Nullable String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0d0a0d0a) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if ("chunked".equalsIgnoreCase(header(head, "transfer-encoding"))) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                raw.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    String trailer;
                    while (!(trailer = readLine(in)).isEmpty()) {
                        raw.writeBytes((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    raw.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return raw.toByteArray();
                }
                raw.writeBytes(in.readNBytes(size + 2));
            }
        }
        return new byte[0];
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
