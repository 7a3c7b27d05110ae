package dev.winnow.cloud.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The Azurite blob emulator for tests: started once per test JVM on a free loopback port, in
 * memory, and stopped when the JVM exits. The executable is {@code azurite-blob} where
 * {@code .ci/run} installs it (the system property {@code winnow.azurite}) or on the PATH.
 *
 * <p>Without Azurite the tests are skipped on a developer's machine, but fail when {@code CI=true}:
 * CI installs it, so its absence there is a broken build, not a reason to skip.
 *
 * <pre>{@code
 * Azurite azurite = Azurite.get();
 * String container = azurite.newContainer();
 * }</pre>
 */
public final class Azurite {
    /** The emulator's one account and its published, well-known key (not a secret of anyone's). */
    public static final String ACCOUNT = "devstoreaccount1";

    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Pattern LISTENING = Pattern.compile("successfully listens on http://127\\.0\\.0\\.1:(\\d+)");
    private static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static @Nullable Azurite running;
    private static @Nullable String failure;

    private final int port;
    private final BlobServiceClient client;

    private Azurite(int port) {
        this.port = port;
        this.client = new BlobServiceClientBuilder()
                .connectionString(connectionString(blobEndpoint()))
                .buildClient();
    }

    /** The running emulator, started on first use; skips or fails the test when it cannot start. */
    public static synchronized Azurite get() {
        if (running == null && failure == null) {
            try {
                running = new Azurite(start());
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "Interrupted while starting Azurite.";
            }
        }
        if (running == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Azurite must run in CI, but it did not start: " + failure);
            }
            return Assumptions.abort("Azurite is not available (" + failure + "); .ci/run installs it.");
        }
        return running;
    }

    private static int start() throws IOException, InterruptedException {
        String executable = executable();
        Path folder = Files.createTempDirectory("azurite");
        List<String> command = new ArrayList<>(List.of(
                executable,
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                "0",
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--loose"));
        // In memory, it writes nothing; a temporary working folder catches anything it would.
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            Matcher matcher = LISTENING.matcher(line);
                            if (matcher.find()) {
                                port.complete(Integer.parseInt(matcher.group(1)));
                            } else if (!port.isDone()) {
                                output.append(line).append('\n');
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                    port.completeExceptionally(new IOException("Azurite exited before listening: "
                            + output.toString().strip()));
                },
                "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(90, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            process.destroy();
            Throwable cause = e.getCause();
            throw new IOException(cause == null ? e.getMessage() : cause.getMessage());
        } catch (TimeoutException e) {
            process.destroy();
            throw new IOException("Azurite did not listen within 90 seconds: "
                    + output.toString().strip());
        }
    }

    private static String executable() throws IOException {
        String configured = System.getProperty("winnow.azurite");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "azurite-blob");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("azurite-blob is neither at " + configured + " nor on the PATH");
    }

    /** The loopback port the emulator listens on. */
    public int port() {
        return port;
    }

    /** The blob endpoint, {@code http://127.0.0.1:PORT/devstoreaccount1}. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** The emulator's connection string for a blob endpoint (the emulator's own, or a proxy's in front of it). */
    public static String connectionString(String blobEndpoint) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + blobEndpoint + ";";
    }

    /** The environment a provider reads to reach the emulator with its connection string. */
    public Map<String, String> environment() {
        return Map.of("AZURE_STORAGE_CONNECTION_STRING", connectionString(blobEndpoint()));
    }

    /** A client of the emulator with the account key, for setting up and checking tests. */
    public BlobServiceClient client() {
        return client;
    }

    /** A new, empty container with a name no other test uses. */
    public String newContainer() {
        String name = "test-" + ProcessHandle.current().pid() + "-" + CONTAINERS.incrementAndGet();
        client.createBlobContainer(name);
        return name;
    }
}
