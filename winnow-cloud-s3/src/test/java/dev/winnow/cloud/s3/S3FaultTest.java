package dev.winnow.cloud.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.RangedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** S3 datasources through a proxy that throttles, resets and delays a share of requests. */
class S3FaultTest {

    @Test
    void everyOperation_givesTheSameResultDespiteThrottlingResetsAndDelays() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String bucket = server.newBucket("faults");
        try (FaultProxy proxy = new FaultProxy(server.port(), 0.15, 0.10, 0.10, 150, 42)) {
            Datasource source = S3ProxyServer.open(proxy.endpoint(), "s3://" + bucket + "/data");
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

            byte[] video = new byte[5 * RangedChannel.FIRST_CHUNK_BYTES * 2]; // several chunks, read ahead
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

            assertThat(proxy.slowDowns.get()).isPositive();
            assertThat(proxy.resets.get()).isPositive();
            assertThat(proxy.delays.get()).isPositive();
        }
    }

    @Test
    void throttlingThatNeverEnds_isOneSentenceAfterTheLastTry() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String bucket = server.newBucket("throttled");
        try (FaultProxy proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1)) {
            Datasource source = S3ProxyServer.open(proxy.endpoint(), "s3://" + bucket + "/p");
            source.writeAtomically("a.json", new byte[] {'1'});
            proxy.throttleAll(true);

            assertThatThrownBy(() -> source.readAllBytes("a.json", 10))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("Amazon S3 answered HTTP 503 SlowDown reading 'a.json' in s3://" + bucket + "/p, "
                            + S3LocationProvider.MAX_ATTEMPTS + " tries in a row.");
            assertThat(proxy.slowDowns.get()).isEqualTo(S3LocationProvider.MAX_ATTEMPTS);

            proxy.throttleAll(false);
            assertThat(source.readAllBytes("a.json", 10)).containsExactly('1');
        }
    }
}
