package dev.winnow.cli;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.winnow.cloud.gcs.GcsLocationProvider;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@code gs://} locations of the commands under test on {@code LocalStorageHelper}, Google's
 * in-memory fake of the Cloud Storage client (no Cloud Storage server runs offline). Registered
 * for the tests' class path, where it comes before the real provider. Calls named in
 * {@link #DENIED} are refused with HTTP 403 as Cloud Storage refuses a caller without the
 * permission, since the fake itself never refuses. The bucket {@link #UNREACHABLE_BUCKET} is opened
 * by the real client instead, with {@code STORAGE_EMULATOR_HOST} naming a port where no server
 * listens.
 */
public final class LocalGcsProvider implements LocationProvider {
    /**
     * Names of {@link Storage} methods that answer 403 ({@code list}, {@code get}, {@code reader}, {@code create},
     * {@code delete}).
     */
    static final Set<String> DENIED = ConcurrentHashMap.newKeySet();

    private static final Storage FAKE = LocalStorageHelper.customOptions(false).getService();
    private static final Storage REFUSING = (Storage) Proxy.newProxyInstance(
            Storage.class.getClassLoader(), new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                if (DENIED.contains(method.getName())) {
                    throw new StorageException(403, "The caller does not have permission");
                }
                try {
                    return method.invoke(FAKE, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private static final GcsLocationProvider PROVIDER = new GcsLocationProvider(REFUSING);

    /** The bucket whose emulator is not running. */
    static final String UNREACHABLE_BUCKET = "no-server";

    private static final GcsLocationProvider UNREACHABLE =
            new GcsLocationProvider(Map.of("STORAGE_EMULATOR_HOST", "127.0.0.1:" + closedPort()));

    /** A loopback port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fake's client itself, never refusing, to set up and inspect objects. */
    static Storage storage() {
        return FAKE;
    }

    @Override
    public Set<String> schemes() {
        return PROVIDER.schemes();
    }

    @Override
    public Datasource open(CloudLocation location, boolean forOutput) throws IOException {
        return (location.bucket().equals(UNREACHABLE_BUCKET) ? UNREACHABLE : PROVIDER).open(location, forOutput);
    }
}
