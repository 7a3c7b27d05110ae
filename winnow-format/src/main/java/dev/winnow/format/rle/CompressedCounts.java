package dev.winnow.format.rle;

import java.util.Arrays;

/**
 * The compressed string form of COCO RLE counts, as pycocotools writes it.
 *
 * <p>Each count from the fourth on is first replaced by its difference to the count two places
 * before it (counts of the same value tend to be similar, so the differences are small and may be
 * negative). Each value is then written as a signed little-endian base-32 number: 5 bits per
 * character, low bits first; a character's bit 0x20 says another character follows, and the last
 * character's bit 0x10 is the sign (the value is sign-extended from it). Each 6-bit group is offset
 * by 48 to land in printable ASCII ({@code '0'} to {@code 'o'}).
 */
final class CompressedCounts {
    private CompressedCounts() {}

    static String encode(int[] counts) {
        StringBuilder sb = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5; // arithmetic shift keeps the sign
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                sb.append((char) (c + 48));
            }
        }
        return sb.toString();
    }

    /**
     * Decodes a compressed counts string; throws {@link IllegalArgumentException} with a sentence
     * naming the first offending character or count.
     */
    static int[] decode(String text) {
        int[] counts = new int[Math.max(4, text.length() / 2)];
        int m = 0;
        int p = 0;
        int n = text.length();
        while (p < n) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= n) {
                    throw new IllegalArgumentException(
                            "The compressed RLE counts end in the middle of a number (after " + n + " characters).");
                }
                char ch = text.charAt(p);
                int c = ch - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("The compressed RLE counts have the character '" + ch
                            + "' at position " + p + "; only characters from '0' to 'o' occur there.");
                }
                if (k >= 7) {
                    throw new IllegalArgumentException(
                            "The compressed RLE counts hold a number longer than 7 characters" + " at position " + p
                                    + "; no count of a mask is that large.");
                }
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The compressed RLE counts decode to the count " + x + " (count " + m
                        + "); counts must lie between 0 and " + Integer.MAX_VALUE + ".");
            }
            if (m == counts.length) {
                counts = Arrays.copyOf(counts, m * 2);
            }
            counts[m++] = (int) x;
        }
        return Arrays.copyOf(counts, m);
    }
}
