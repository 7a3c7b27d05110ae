package dev.winnow.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Azure datasources through a proxy in front of Azurite that throttles, resets and delays a share of requests. */
class AzureFaultTest {

    private static Datasource open(FaultProxy proxy, String container, String prefix) throws IOException {
        String endpoint = proxy.endpoint() + "/" + Azurite.ACCOUNT;
        AzureLocationProvider provider = new AzureLocationProvider(
                Map.of("AZURE_STORAGE_CONNECTION_STRING", Azurite.connectionString(endpoint)), null);
        return provider.open(new CloudLocation("az", Azurite.ACCOUNT, container, prefix), true);
    }

    @Test
    void everyOperation_givesTheSameResultDespiteThrottlingResetsAndDelays() throws Exception {
        Azurite azurite = Azurite.get();
        String container = azurite.newContainer();
        try (FaultProxy proxy = new FaultProxy(azurite.port(), 0.15, 0.10, 0.10, 150, 42)) {
            Datasource source = open(proxy, container, "data");
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                paths.add("f" + (i % 7) + "/s" + (i % 3) + "/" + i + ".json");
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (String path : paths) {
                    writes.add(pool.submit(() -> {
                        source.writeAtomically(path, path.getBytes(StandardCharsets.UTF_8));
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
                List<Future<String>> reads = new ArrayList<>();
                for (String path : paths) {
                    reads.add(pool.submit(() -> new String(source.readAllBytes(path, 1000), StandardCharsets.UTF_8)));
                }
                for (int i = 0; i < paths.size(); i++) {
                    assertThat(reads.get(i).get()).isEqualTo(paths.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(source.list(""))
                    .containsExactlyElementsOf(paths.stream().sorted().toList());
            assertThat(source.list("f3")).hasSize(17);
            assertThat(source.stat("f3/s1/10.json").orElseThrow().size()).isEqualTo(13);

            byte[] video = new byte[3 * 1024 * 1024 + 5];
            new Random(7).nextBytes(video);
            source.writeAtomically("v/clip.mp4", video);
            try (SeekableByteChannel channel = source.openSeekable("v/clip.mp4")) {
                ByteBuffer all = ByteBuffer.allocate(video.length);
                while (all.hasRemaining() && channel.read(all) >= 0) {
                    // read forward through the read-ahead
                }
                assertThat(all.array()).isEqualTo(video);
            }
            assertThat(source.readRange("v/clip.mp4", 1000, 10)).isEqualTo(Arrays.copyOfRange(video, 1000, 1010));
            source.delete("f0/s0/0.json");
            assertThat(source.stat("f0/s0/0.json")).isEmpty();

            assertThat(proxy.slowDowns.get()).isPositive();
            assertThat(proxy.resets.get()).isPositive();
            assertThat(proxy.delays.get()).isPositive();
        }
    }

    @Test
    void throttlingThatNeverEnds_isOneSentenceAfterTheLastTry() throws Exception {
        Azurite azurite = Azurite.get();
        String container = azurite.newContainer();
        try (FaultProxy proxy = new FaultProxy(azurite.port(), 0, 0, 0, 0, 1)) {
            Datasource source = open(proxy, container, "p");
            source.writeAtomically("a.json", new byte[] {'1'});
            proxy.throttleAll(true);

            assertThatThrownBy(() -> source.readAllBytes("a.json", 10))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("Reading 'a.json' in az://" + Azurite.ACCOUNT + "/" + container
                            + "/p failed: the storage account answered HTTP 503, " + AzureRetry.MAX_TRIES
                            + " tries in a row.");
            assertThat(proxy.slowDowns.get()).isEqualTo(AzureRetry.MAX_TRIES);

            proxy.throttleAll(false);
            assertThat(source.readAllBytes("a.json", 10)).containsExactly('1');
        }
    }
}
