package dev.winnow.run;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.io.PredictionWriter;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.report.FrameThumbnail;
import dev.winnow.report.Thumbnail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact rows one partition sends back: per sample its name, embedding, metadata and size
 * (per crop also its parent, box and prediction), the diagnostics found and, for the report, the
 * thumbnails of the partition's strip videos. Floats travel as their bits, so merged rows are the
 * very values a run on one machine computes.
 */
final class PartitionRows {
    private static final int SAMPLES = 1;
    private static final int CROPS = 2;

    private PartitionRows() {}

    /** Embedded images and frames with the partition's diagnostics. */
    record Samples(EmbeddingStage.Embedded embedded, List<Diagnostic> diagnostics) {}

    /** Cut crops with the partition's diagnostics. */
    record Crops(CropStage.Partial partial, List<Diagnostic> diagnostics) {}

    static byte[] encode(EmbeddingStage.Embedded e, List<Diagnostic> diagnostics) {
        return write(out -> {
            out.writeInt(SAMPLES);
            out.writeInt(e.dimension());
            out.writeInt(e.samples().size());
            for (int i = 0; i < e.samples().size(); i++) {
                writeSample(out, e.samples().get(i));
                writeMetadata(out, e.metadata().get(i));
                writeSize(out, e.sizes().get(i));
            }
            writeFloats(out, e.rows());
            out.writeInt(e.strips().size());
            for (Map.Entry<String, List<FrameThumbnail>> strip : e.strips().entrySet()) {
                out.writeUTF(strip.getKey());
                out.writeInt(strip.getValue().size());
                for (FrameThumbnail f : strip.getValue()) {
                    out.writeInt(f.frame());
                    Thumbnail t = f.image();
                    writeString(out, t.sample());
                    writeString(out, t.mimeType());
                    out.writeInt(t.bytes().length);
                    out.write(t.bytes());
                    out.writeInt(t.width());
                    out.writeInt(t.height());
                    writeString(out, t.caption());
                }
            }
            writeDiagnostics(out, diagnostics);
        });
    }

    static Samples decodeSamples(byte[] bytes) {
        return read(bytes, in -> {
            expect(in, SAMPLES);
            int dimension = in.readInt();
            int n = in.readInt();
            List<RunSample> samples = new ArrayList<>(n);
            List<ImageMetadata> metadata = new ArrayList<>(n);
            List<ImageSize> sizes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                samples.add(readSample(in));
                metadata.add(readMetadata(in));
                sizes.add(readSize(in));
            }
            float[] rows = readFloats(in);
            int strips = in.readInt();
            Map<String, List<FrameThumbnail>> thumbnails = new LinkedHashMap<>();
            for (int s = 0; s < strips; s++) {
                String video = in.readUTF();
                int frames = in.readInt();
                List<FrameThumbnail> strip = new ArrayList<>(frames);
                for (int f = 0; f < frames; f++) {
                    int frame = in.readInt();
                    String sample = readString(in);
                    String mime = readString(in);
                    byte[] image = new byte[in.readInt()];
                    in.readFully(image);
                    strip.add(new FrameThumbnail(
                            frame, new Thumbnail(sample, mime, image, in.readInt(), in.readInt(), readString(in))));
                }
                thumbnails.put(video, strip);
            }
            List<Diagnostic> diagnostics = readDiagnostics(in);
            return new Samples(
                    new EmbeddingStage.Embedded(samples, rows, dimension, metadata, sizes, thumbnails), diagnostics);
        });
    }

    static byte[] encode(CropStage.Partial p, List<Diagnostic> diagnostics) {
        return write(out -> {
            out.writeInt(CROPS);
            out.writeInt(p.dimension());
            out.writeInt(p.files());
            out.writeInt(p.invalid());
            out.writeInt(p.boxless());
            out.writeInt(p.parentSizes().size());
            for (Map.Entry<String, ImageSize> size : p.parentSizes().entrySet()) {
                writeString(out, size.getKey());
                writeSize(out, size.getValue());
            }
            out.writeInt(p.crops().size());
            for (int i = 0; i < p.crops().size(); i++) {
                CropStage.CropSample crop = p.crops().get(i);
                writeString(out, crop.name());
                writeSample(out, crop.parent());
                out.writeInt(crop.index());
                BoundingBox box = crop.box();
                out.writeDouble(box.x());
                out.writeDouble(box.y());
                out.writeDouble(box.width());
                out.writeDouble(box.height());
                // The prediction in the format's own JSON, whose numbers read back to the same doubles.
                writeString(
                        out,
                        PredictionWriter.toJson(PredictionFile.of(crop.parent().name(), List.of(crop.singleton()))));
                writeMetadata(out, p.metadata().get(i));
            }
            writeFloats(out, p.rows());
            writeDiagnostics(out, diagnostics);
        });
    }

    static Crops decodeCrops(byte[] bytes, String task, TaskSchema schema) {
        return read(bytes, in -> {
            expect(in, CROPS);
            int dimension = in.readInt();
            int files = in.readInt();
            int invalid = in.readInt();
            int boxless = in.readInt();
            int parents = in.readInt();
            Map<String, ImageSize> sizes = new HashMap<>();
            for (int i = 0; i < parents; i++) {
                sizes.put(readString(in), readSize(in));
            }
            int n = in.readInt();
            List<CropStage.CropSample> crops = new ArrayList<>(n);
            List<ImageMetadata> metadata = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = readString(in);
                RunSample parent = readSample(in);
                int index = in.readInt();
                BoundingBox box = new BoundingBox(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
                String json = readString(in);
                Singleton singleton = PredictionFileReader.read(
                                "crop " + name + " of task " + task,
                                json.getBytes(StandardCharsets.UTF_8),
                                schema,
                                SampleFacts.named(parent.name()),
                                ValidationOptions.defaults())
                        .value()
                        .orElseThrow(() -> new IllegalStateException(
                                "The prediction of crop " + name + " did not read back from its encoding."))
                        .predictions()
                        .get(0);
                crops.add(new CropStage.CropSample(name, parent, index, singleton, box));
                metadata.add(readMetadata(in));
            }
            float[] rows = readFloats(in);
            List<Diagnostic> diagnostics = readDiagnostics(in);
            return new Crops(
                    new CropStage.Partial(crops, rows, dimension, metadata, files, invalid, boxless, sizes),
                    diagnostics);
        });
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(DataInputStream in, int kind) throws IOException {
        int found = in.readInt();
        if (found != kind) {
            throw new IllegalStateException(
                    "A partition sent rows of kind " + found + " where rows of kind " + kind + " were expected.");
        }
    }

    /** Strings of any length (writeUTF stops at 64 KiB). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeSample(DataOutputStream out, RunSample s) throws IOException {
        writeString(out, s.name());
        writeString(out, s.file());
        out.writeInt(s.frame());
        out.writeInt(s.frameCount());
        out.writeLong(s.size());
        out.writeLong(s.lastModifiedMillis());
    }

    private static RunSample readSample(DataInputStream in) throws IOException {
        return new RunSample(readString(in), readString(in), in.readInt(), in.readInt(), in.readLong(), in.readLong());
    }

    private static void writeMetadata(DataOutputStream out, ImageMetadata m) throws IOException {
        out.writeInt(m.width());
        out.writeInt(m.height());
        out.writeLong(m.sizeInBytes());
        out.writeDouble(m.sharpness());
        out.writeDouble(m.snr());
        out.writeDouble(m.meanRed());
        out.writeDouble(m.meanGreen());
        out.writeDouble(m.meanBlue());
        out.writeDouble(m.contrast());
    }

    private static ImageMetadata readMetadata(DataInputStream in) throws IOException {
        return new ImageMetadata(
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble());
    }

    private static void writeSize(DataOutputStream out, ImageSize s) throws IOException {
        out.writeInt(s.width());
        out.writeInt(s.height());
    }

    private static ImageSize readSize(DataInputStream in) throws IOException {
        return new ImageSize(in.readInt(), in.readInt());
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeDiagnostics(DataOutputStream out, List<Diagnostic> diagnostics) throws IOException {
        out.writeInt(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            writeString(out, d.severity().name());
            writeString(out, d.code());
            writeString(out, d.file());
            writeString(out, d.pointer());
            out.writeInt(d.line());
            out.writeInt(d.column());
            writeString(out, d.message());
        }
    }

    private static List<Diagnostic> readDiagnostics(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Diagnostic> diagnostics = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            diagnostics.add(new Diagnostic(
                    Diagnostic.Severity.valueOf(readString(in)),
                    readString(in),
                    readString(in),
                    readString(in),
                    in.readInt(),
                    in.readInt(),
                    readString(in)));
        }
        return diagnostics;
    }
}
