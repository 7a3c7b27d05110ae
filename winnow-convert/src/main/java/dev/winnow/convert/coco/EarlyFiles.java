package dev.winnow.convert.coco;

import dev.winnow.convert.BackgroundWriter;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Hands each image's prediction file to the background writers as soon as the annotations have
 * moved past the image, so files are created while the rest of the COCO file is still read.
 *
 * <p>This bets that annotations come grouped by image in the order of the images list (as COCO
 * results and many exports do): when an annotation names a later image, the images before it are
 * taken as complete. When the bet fails (an annotation of an image already handed out), that image
 * is rewritten at the end, and no more files are handed out early; a jump ahead by more than
 * {@link #MAX_JUMP} images ends the bet too, so an unordered file costs at most that many extra
 * writes. Files are invisible until the staging folder is published, so a rewrite is never seen.
 */
final class EarlyFiles {
    /** The most images one annotation may skip ahead while files are still handed out early. */
    static final int MAX_JUMP = 1000;

    private static final byte[] FILE_END = "]}\n".getBytes(StandardCharsets.UTF_8);

    private final PredictionsFolder folder;
    private final ImageIndex images;
    private final FragmentStore fragments;
    private final BackgroundWriter writer;
    /** Images [0, handedOut) are with the writers. */
    private int handedOut;

    private boolean ordered = true;
    private final BitSet late = new BitSet();

    EarlyFiles(PredictionsFolder folder, ImageIndex images, FragmentStore fragments, BackgroundWriter writer) {
        this.folder = folder;
        this.images = images;
        this.fragments = fragments;
        this.writer = writer;
    }

    /** Call after each annotation of {@code image} is added to the fragments, in file order. */
    void added(int image) throws IOException {
        if (image < handedOut) {
            late.set(image);
            ordered = false;
        } else if (ordered) {
            if (image - handedOut > MAX_JUMP) {
                ordered = false;
            } else {
                handOutUpTo(image);
            }
        }
    }

    private void handOutUpTo(int end) throws IOException {
        for (; handedOut < end; handedOut++) {
            writer.write(folder.sampleName(images.name(handedOut)), predictionFile(handedOut));
        }
    }

    /** Hands out the remaining images, waits for every file, then rewrites the images whose annotations came late. */
    void finish() throws IOException {
        handOutUpTo(images.size());
        writer.finish();
        int[] rewrites = late.stream().toArray();
        folder.writeAll(
                rewrites.length,
                k -> new PredictionsFolder.Entry(
                        folder.sampleName(images.name(rewrites[k])), predictionFile(rewrites[k])));
    }

    /** How many files were written twice because their annotations came late. */
    int rewritten() {
        return late.cardinality();
    }

    /** The prediction file of one image, made in one array of its exact size. */
    byte[] predictionFile(int image) {
        String name = folder.sampleName(images.name(image));
        StringBuilder head = new StringBuilder(name.length() + 40);
        head.append("{\"file_name\":");
        PredictionWriter.appendString(head, name);
        head.append(",\"predictions\":[");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[headBytes.length + fragments.bytesOf(image) + FILE_END.length];
        System.arraycopy(headBytes, 0, file, 0, headBytes.length);
        int end = fragments.copySingletons(image, file, headBytes.length);
        System.arraycopy(FILE_END, 0, file, end, FILE_END.length);
        return file;
    }
}
