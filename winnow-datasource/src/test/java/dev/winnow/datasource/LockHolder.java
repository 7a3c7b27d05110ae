package dev.winnow.datasource;

import java.nio.file.Path;

/**
 * A separate process for {@link OutputLockTest}: takes the lock of the folder in args[0], says so, and holds it until
 * stdin ends.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), "winnow run")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input or kills us
            }
        }
    }
}
