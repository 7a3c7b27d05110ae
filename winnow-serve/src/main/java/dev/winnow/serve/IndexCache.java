package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskType;
import dev.winnow.media.UserMetadataReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the {@link SampleIndex} in {@code <output>/.winnow/serve/index.bin} between starts. The
 * file starts with a key, a hash of the names, sizes and modification times of every prediction
 * and metadata file and of the input's sample names: when any of them changes, the key does and
 * the index is built again.
 */
final class IndexCache {
    static final String FILE = ".winnow/serve/index.bin";
    private static final int VERSION = 1;

    private IndexCache() {}

    /** The key of the current listing. */
    static String key(Datasource input, Datasource output) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime.", e);
        }
        for (String folder : List.of(PredictionsLayout.ROOT + "/", UserMetadataReader.FOLDER)) {
            for (String path : output.list(folder)) {
                Optional<Datasource.FileStat> stat = output.stat(path);
                String line = path
                        + '\t'
                        + stat.map(s -> s.size() + "\t" + s.lastModifiedMillis())
                                .orElse("-")
                        + '\n';
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        for (String sample : SampleLister.all(input)) {
            digest.update((sample + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The cached index when its key is {@code key}; empty when there is none or it is stale or unreadable. */
    static Optional<SampleIndex> read(Datasource output, String key) {
        try {
            if (output.stat(FILE).isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = output.readAllBytes(FILE, Long.MAX_VALUE);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != VERSION || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            return Optional.of(readIndex(in));
        } catch (IOException | RuntimeException e) {
            // A damaged cache is built again, never trusted.
            return Optional.empty();
        }
    }

    static void write(Datasource output, String key, SampleIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeUTF(key);
            out.writeInt(index.sampleCount());
            for (int i = 0; i < index.sampleCount(); i++) {
                out.writeUTF(index.name(i));
                out.writeLong(index.size(i));
            }
            out.writeInt(index.tasks().size());
            for (TaskColumns t : index.tasks()) {
                out.writeUTF(t.name());
                out.writeUTF(t.type().name());
                out.writeInt(t.classes().size());
                for (String c : t.classes()) {
                    out.writeUTF(c);
                }
                for (boolean p : t.present()) {
                    out.writeBoolean(p);
                }
                for (int s : t.start()) {
                    out.writeInt(s);
                }
                for (int c : t.classIndex()) {
                    out.writeInt(c);
                }
                for (float s : t.score()) {
                    out.writeFloat(s);
                }
                out.writeInt(t.activeLearning().size());
                for (Map.Entry<String, float[]> e : t.activeLearning().entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float v : e.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
            out.writeInt(index.metadata().size());
            for (Map.Entry<String, String[]> e : index.metadata().entrySet()) {
                out.writeUTF(e.getKey());
                for (String v : e.getValue()) {
                    out.writeBoolean(v != null);
                    if (v != null) {
                        out.writeUTF(v);
                    }
                }
            }
        }
        output.writeAtomically(FILE, bytes.toByteArray());
    }

    private static SampleIndex readIndex(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> names = new ArrayList<>(n);
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
            sizes[i] = in.readLong();
        }
        int taskCount = in.readInt();
        List<TaskColumns> tasks = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            String name = in.readUTF();
            TaskType type = TaskType.valueOf(in.readUTF());
            int classCount = in.readInt();
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < classCount; c++) {
                classes.add(in.readUTF());
            }
            boolean[] present = new boolean[n];
            for (int i = 0; i < n; i++) {
                present[i] = in.readBoolean();
            }
            int[] start = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                start[i] = in.readInt();
            }
            int singletons = start[n];
            int[] classIndex = new int[singletons];
            for (int i = 0; i < singletons; i++) {
                classIndex[i] = in.readInt();
            }
            float[] score = new float[singletons];
            for (int i = 0; i < singletons; i++) {
                score[i] = in.readFloat();
            }
            int alCount = in.readInt();
            Map<String, float[]> al = new LinkedHashMap<>();
            for (int a = 0; a < alCount; a++) {
                String key = in.readUTF();
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.readFloat();
                }
                al.put(key, values);
            }
            tasks.add(new TaskColumns(name, type, classes, present, start, classIndex, score, al));
        }
        int fields = in.readInt();
        Map<String, String[]> metadata = new LinkedHashMap<>();
        for (int f = 0; f < fields; f++) {
            String field = in.readUTF();
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = in.readBoolean() ? in.readUTF() : null;
            }
            metadata.put(field, values);
        }
        return new SampleIndex(names, sizes, tasks, metadata);
    }
}
