package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskType;
import dev.winnow.media.UserMetadataReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@link SampleIndex} in {@code <output>/.winnow/serve/index.bin} between starts. The
 * file starts with a key, a hash of the names, sizes and modification times of every prediction
 * and metadata file and of the input's images and videos: when any of them changes, the key does
 * and the index is built again. The columns follow as whole arrays (names as one UTF-8 block with
 * their offsets), so a million samples are read back in bulk rather than value by value.
 */
final class IndexCache {
    static final String FILE = ".winnow/serve/index.bin";
    private static final int VERSION = 2;

    private IndexCache() {}

    /** The key of the current files, and the input's images and videos with their sizes, sorted by name. */
    record Listing(String key, List<Datasource.ListedFile> media) {}

    /**
     * Lists the prediction and metadata files of {@code output} and the images and videos of
     * {@code input}, the two walks at once, each file's size and time coming with the listing.
     */
    static Listing listing(Datasource input, Datasource output) throws IOException {
        CompletableFuture<List<Datasource.ListedFile>> media = CompletableFuture.supplyAsync(() -> {
            try {
                List<Datasource.ListedFile> kept = new ArrayList<>();
                for (Datasource.ListedFile f : input.listWithStats("", OutputLocation.OWNED_FOLDERS)) {
                    if (SampleLister.isSample(f.path())) {
                        kept.add(f);
                    }
                }
                return kept;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime.", e);
        }
        for (String folder : List.of(PredictionsLayout.ROOT + "/", UserMetadataReader.FOLDER)) {
            for (Datasource.ListedFile f : output.listWithStats(folder, Set.of())) {
                update(digest, f);
            }
        }
        digest.update((byte) 0);
        List<Datasource.ListedFile> listed;
        try {
            listed = media.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        for (Datasource.ListedFile f : listed) {
            update(digest, f);
        }
        return new Listing(HexFormat.of().formatHex(digest.digest()), listed);
    }

    private static void update(MessageDigest digest, Datasource.ListedFile f) {
        digest.update(
                (f.path() + '\t' + f.size() + '\t' + f.lastModifiedMillis() + '\n').getBytes(StandardCharsets.UTF_8));
    }

    /** The cached index when its key is {@code key}; empty when there is none or it is stale or unreadable. */
    static Optional<SampleIndex> read(Datasource output, String key) {
        return readAny(output).filter(c -> c.key().equals(key)).map(Cached::index);
    }

    /** A cached index with the key of the files it was built from. */
    record Cached(String key, SampleIndex index) {}

    /**
     * The cached index whatever its key, for a start that checks the key while serving; empty when there is none or it
     * is unreadable.
     */
    static Optional<Cached> readAny(Datasource output) {
        try {
            if (output.stat(FILE).isEmpty()) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(output.readAllBytes(FILE, Long.MAX_VALUE));
            if (in.getInt() != VERSION) {
                return Optional.empty();
            }
            String key = string(in);
            SampleIndex index = readIndex(in);
            return in.hasRemaining() ? Optional.empty() : Optional.of(new Cached(key, index));
        } catch (IOException | RuntimeException e) {
            // A damaged cache is built again, never trusted.
            return Optional.empty();
        }
    }

    static void write(Datasource output, String key, SampleIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            string(out, key);
            int n = index.sampleCount();
            out.writeInt(n);
            strings(out, index.names().toArray(new String[0]));
            longs(out, index.sizes());
            out.writeInt(index.tasks().size());
            for (TaskColumns t : index.tasks()) {
                string(out, t.name());
                string(out, t.type().name());
                out.writeInt(t.classes().size());
                for (String c : t.classes()) {
                    string(out, c);
                }
                booleans(out, t.present());
                ints(out, t.start());
                ints(out, t.classIndex());
                floats(out, t.score());
                out.writeInt(t.activeLearning().size());
                for (Map.Entry<String, float[]> e : t.activeLearning().entrySet()) {
                    string(out, e.getKey());
                    floats(out, e.getValue());
                }
            }
            out.writeInt(index.metadata().size());
            for (Map.Entry<String, String[]> e : index.metadata().entrySet()) {
                string(out, e.getKey());
                strings(out, e.getValue());
            }
        }
        output.writeAtomically(FILE, bytes.toByteArray());
    }

    private static SampleIndex readIndex(ByteBuffer in) throws IOException {
        int n = in.getInt();
        @Nullable String[] names = strings(in, n);
        List<String> nameList = new ArrayList<>(n);
        for (String name : names) {
            if (name == null) {
                throw new IOException("A sample without a name.");
            }
            nameList.add(name);
        }
        long[] sizes = new long[n];
        in.asLongBuffer().get(sizes);
        skip(in, 8L * n);
        int taskCount = in.getInt();
        List<TaskColumns> tasks = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            String name = string(in);
            TaskType type = TaskType.valueOf(string(in));
            int classCount = in.getInt();
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < classCount; c++) {
                classes.add(string(in));
            }
            boolean[] present = new boolean[n];
            for (int i = 0; i < n; i++) {
                present[i] = in.get() != 0;
            }
            int[] start = ints(in, n + 1);
            int singletons = start[n];
            int[] classIndex = ints(in, singletons);
            float[] score = floats(in, singletons);
            int alCount = in.getInt();
            Map<String, float[]> al = new LinkedHashMap<>();
            for (int a = 0; a < alCount; a++) {
                String key = string(in);
                al.put(key, floats(in, n));
            }
            tasks.add(new TaskColumns(name, type, classes, present, start, classIndex, score, al));
        }
        int fields = in.getInt();
        Map<String, String[]> metadata = new LinkedHashMap<>();
        for (int f = 0; f < fields; f++) {
            String field = string(in);
            metadata.put(field, strings(in, n));
        }
        return new SampleIndex(nameList, sizes, tasks, metadata);
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        skip(in, length);
        return value;
    }

    /** Strings (null allowed) as one UTF-8 block and the offset of each in it, -1 for null. */
    private static void strings(DataOutputStream out, @Nullable String[] values) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int[] ends = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                ends[i] = -1;
            } else {
                block.write(v.getBytes(StandardCharsets.UTF_8));
                ends[i] = block.size();
            }
        }
        ints(out, ends);
        out.writeInt(block.size());
        block.writeTo(out);
    }

    private static @Nullable String[] strings(ByteBuffer in, int n) {
        int[] ends = ints(in, n);
        int length = in.getInt();
        int base = in.arrayOffset() + in.position();
        @Nullable String[] values = new String[n];
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (ends[i] >= 0) {
                values[i] = new String(in.array(), base + from, ends[i] - from, StandardCharsets.UTF_8);
                from = ends[i];
            }
        }
        skip(in, length);
        return values;
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asIntBuffer().put(values);
        out.write(buffer.array());
    }

    private static int[] ints(ByteBuffer in, int n) {
        int[] values = new int[n];
        in.asIntBuffer().get(values);
        skip(in, 4L * n);
        return values;
    }

    private static void floats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] floats(ByteBuffer in, int n) {
        float[] values = new float[n];
        in.asFloatBuffer().get(values);
        skip(in, 4L * n);
        return values;
    }

    private static void longs(DataOutputStream out, long[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length);
        buffer.asLongBuffer().put(values);
        out.write(buffer.array());
    }

    private static void booleans(DataOutputStream out, boolean[] values) throws IOException {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        out.write(bytes);
    }

    private static void skip(ByteBuffer in, long bytes) {
        in.position(Math.addExact(in.position(), Math.toIntExact(bytes)));
    }
}
