package dev.winnow.format;

import java.text.Normalizer;

/**
 * Sample names compared the way people read them: in one Unicode normalisation (NFC), so that
 * {@code naïve.jpg} written with a composed ï (Linux, Windows) and with i plus a combining
 * diaeresis (macOS file names) are one name.
 */
public final class SampleNames {
    private SampleNames() {}

    /** {@code name} in NFC; the same string when it already is (all ASCII names are). */
    public static String normalised(String name) {
        return Normalizer.isNormalized(name, Normalizer.Form.NFC)
                ? name
                : Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** Whether {@code a} and {@code b} are the same name once normalised. */
    public static boolean same(String a, String b) {
        return a.equals(b) || normalised(a).equals(normalised(b));
    }
}
