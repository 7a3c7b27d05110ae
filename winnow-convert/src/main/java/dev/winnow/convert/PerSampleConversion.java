package dev.winnow.convert;

import dev.winnow.format.PredictionFile;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionWriter;
import dev.winnow.format.validate.DiagnosticCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The common shape of converters that read one input per sample (a YOLO label file, a VOC XML, a
 * mask image, a probability map): convert every sample in parallel, write its prediction file,
 * then the schema and {@code tasks.json} (nothing when nothing was converted). A sample whose
 * conversion returns null (after reporting why) gets no prediction file. Sample names are relative
 * to the samples' folder ({@link PredictionsFolder#sampleName}).
 */
public final class PerSampleConversion {
    private PerSampleConversion() {}

    /** Converts one sample; null means "skipped, a diagnostic says why". Called from several threads. */
    @FunctionalInterface
    public interface SampleConverter {
        @Nullable
        List<Singleton> convert(String sample) throws IOException;
    }

    public static ConversionReport run(
            PredictionsFolder out,
            TaskSchema schema,
            List<String> samples,
            SampleConverter converter,
            DiagnosticCollector diagnostics)
            throws IOException, ConversionException {
        return run(out, () -> schema, samples, converter, diagnostics);
    }

    /** As above, with the schema made after every sample is converted (when the samples decide the categories). */
    public static ConversionReport run(
            PredictionsFolder out,
            Supplier<TaskSchema> schema,
            List<String> samples,
            SampleConverter converter,
            DiagnosticCollector diagnostics)
            throws IOException, ConversionException {
        AtomicLong singletons = new AtomicLong();
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        PredictionsFolder.forEachInParallel(samples.size(), i -> {
            String sample = samples.get(i);
            List<Singleton> predictions = converter.convert(sample);
            if (predictions == null) {
                return;
            }
            String name = out.sampleName(sample);
            out.write(name, PredictionWriter.toBytes(PredictionFile.of(name, predictions)));
            singletons.addAndGet(predictions.size());
            written.add(i);
        });
        return out.finishUnlessNothingConverted(
                schema, ConversionReport.of(written.size(), singletons.get(), diagnostics));
    }
}
