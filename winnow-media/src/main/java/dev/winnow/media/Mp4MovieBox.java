package dev.winnow.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks the boxes inside an MP4/MOV movie box ({@code moov}) as JCodec 0.2.5 will parse them, and
 * refuses what would make that parse unbounded in time or memory:
 *
 * <ul>
 *   <li>a child box whose 64-bit size is less than its 16-byte header: JCodec's child loop then
 *       steps back to where the box began and adds the same box to its list forever (a few bytes
 *       in, minutes of work and all the memory out);
 *   <li>a sample table or edit list promising more entries than its bytes can hold: JCodec
 *       allocates for the count before reading the entries (gigabytes for a few bytes), and a
 *       sample size table with one size for all samples must not count more samples than the file
 *       has bytes;
 *   <li>an item list entry ({@code ilst}) whose last one to three bytes are not a box, on which
 *       JCodec's item loop spins without reading;
 *   <li>boxes nested deeper than {@value #MAX_DEPTH} levels, which JCodec follows by recursion.
 * </ul>
 *
 * So every count JCodec acts on is bounded by the bytes of the file. Which boxes hold child boxes,
 * and after how many bytes of their own, follows JCodec's box factories. Cost: one pass over the
 * movie box's bytes.
 */
final class Mp4MovieBox {
    /** Deepest nesting accepted; real files nest about eight levels (moov/trak/mdia/minf/stbl/stsd/avc1/avcC). */
    static final int MAX_DEPTH = 32;
    /** JCodec leaves a box of this size or more unparsed. */
    private static final long JCODEC_MAX_BOX_BYTES = 128L * 1024 * 1024;

    /** Boxes whose body JCodec reads as child boxes, with the bytes of their own before the first child. */
    private static final Map<String, Integer> CONTAINERS = Map.ofEntries(
            Map.entry("moov", 0),
            Map.entry("trak", 0),
            Map.entry("mdia", 0),
            Map.entry("minf", 0),
            Map.entry("stbl", 0),
            Map.entry("edts", 0),
            Map.entry("dinf", 0),
            Map.entry("udta", 0),
            Map.entry("meta", 0),
            Map.entry("mvex", 0),
            Map.entry("moof", 0),
            Map.entry("traf", 0),
            Map.entry("mfra", 0),
            Map.entry("skip", 0),
            Map.entry("ipro", 0),
            Map.entry("sinf", 0),
            Map.entry("clip", 0),
            Map.entry("tapt", 0),
            Map.entry("gmhd", 0),
            Map.entry("tref", 0),
            Map.entry("wave", 0),
            Map.entry("dref", 8),
            Map.entry("keys", 8),
            Map.entry("stsd", 8));

    /** Sample descriptions JCodec reads as a video sample entry: 78 bytes, then child boxes. */
    private static final Set<String> VIDEO_ENTRIES = Set.of(
            "ap4h", "apch", "apcn", "apcs", "apco", "hev1", "avc1", "cvid", "jpeg", "smc ", "rle ", "rpza", "kpcd",
            "png ", "mjpa", "mjpb", "SVQ1", "SVQ3", "mp4v", "dvc ", "dvcp", "gif ", "h263", "tiff", "2vuY", "yuv2",
            "v308", "v408", "v216", "v410", "v210", "m2v1", "m1v1", "xd5b", "dv5n", "jp2h", "mjp2");

    /** Sample descriptions JCodec reads as an audio sample entry: 28 bytes and more by version, then child boxes. */
    private static final Set<String> AUDIO_ENTRIES = Set.of(
            "ac-3",
            "cac3",
            "ima4",
            "aac ",
            "celp",
            "hvxc",
            "twvq",
            ".mp1",
            ".mp2",
            "midi",
            "apvs",
            "alac",
            "aach",
            "aacl",
            "aace",
            "aacf",
            "aacp",
            "aacs",
            "samr",
            "AUDB",
            "ilbc",
            "ms\0\u0011",
            "ms\0" + "1", // NUL then the digit one, not the octal escape \01
            "aes3",
            "NONE",
            "raw ",
            "twos",
            "sowt",
            "fl32");

    /** Tables read as a count and entries: the bytes before the count and the bytes of one entry. */
    private static final Map<String, int[]> TABLES = Map.of(
            "stts", new int[] {4, 8},
            "ctts", new int[] {4, 8},
            "stsc", new int[] {4, 12},
            "stco", new int[] {4, 4},
            "co64", new int[] {4, 8},
            "stss", new int[] {4, 4},
            "stps", new int[] {4, 4},
            "elst", new int[] {4, 12});

    private final ByteBuffer bytes;
    /** The file offset of {@code bytes}' index 0. */
    private final long offset;

    private final long fileSize;
    private final String path;

    private Mp4MovieBox(ByteBuffer bytes, long offset, long fileSize, String path) {
        this.bytes = bytes;
        this.offset = offset;
        this.fileSize = fileSize;
        this.path = path;
    }

    /**
     * Checks the children of the movie box whose body is {@code body}, read from byte
     * {@code bodyOffset} of the file of {@code fileSize} bytes at {@code path}.
     */
    static void check(ByteBuffer body, long bodyOffset, long fileSize, String path) throws MediaException {
        new Mp4MovieBox(body, bodyOffset, fileSize, path).children("moov", 0, body.limit(), 2);
    }

    /**
     * The child boxes between {@code start} and {@code end}, read as JCodec's box list reads them;
     * {@code depth} is theirs (the movie box's children are at depth 2).
     */
    private void children(String parent, int start, int end, int depth) throws MediaException {
        int position = start;
        while (end - position >= 8) {
            while (end - position >= 4 && bytes.getInt(position) == 0) {
                position += 4; // JCodec skips zero words between boxes
            }
            if (end - position < 4) {
                return;
            }
            int boxStart = position;
            long size = bytes.getInt(position) & 0xFFFFFFFFL;
            position += 4;
            if (end - position < 4 || (size < 8 && size != 1)) {
                continue; // JCodec drops the word and reads on
            }
            String type = type(position);
            position += 4;
            int header = 8;
            if (size == 1) {
                if (end - position < 8) {
                    continue;
                }
                size = bytes.getLong(position);
                position += 8;
                header = 16;
                if (size < 0) {
                    throw corrupt("the box '" + Mp4Boxes.printable(type) + "' at byte " + (offset + boxStart)
                            + " declares " + Long.toUnsignedString(size) + " bytes, more than the file holds.");
                }
                if (size < header) {
                    throw corrupt("the box '" + Mp4Boxes.printable(type) + "' at byte " + (offset + boxStart)
                            + " declares a size of " + size + " bytes, less than its own header.");
                }
            }
            long body = size - header;
            if (body > end - position) {
                continue; // JCodec skips the header and reads the bytes after it as the next boxes
            }
            if (body < JCODEC_MAX_BOX_BYTES) {
                box(parent, type, boxStart, position, position + (int) body, depth);
            }
            position += (int) body;
        }
    }

    /** One box whose body lies between {@code start} and {@code end}, inside {@code parent}. */
    private void box(String parent, String type, int boxStart, int start, int end, int depth) throws MediaException {
        if (depth > MAX_DEPTH) {
            throw corrupt("the box '" + Mp4Boxes.printable(type) + "' at byte " + (offset + boxStart)
                    + " lies more than " + MAX_DEPTH + " boxes deep.");
        }
        Integer prefix = CONTAINERS.get(type);
        if (parent.equals("stsd")) {
            prefix = sampleEntryPrefix(type, start, end);
        } else if (type.equals("meta") && parent.equals("udta")) {
            prefix = 4; // JCodec reads a version and flags first here
        }
        if (prefix != null) {
            if (end - start >= prefix) {
                children(type, start + prefix, end, depth + 1);
            }
        } else if (type.equals("ilst")) {
            items(boxStart, start, end, depth + 1);
        } else if (type.equals("stsz")) {
            sampleSizes(boxStart, start, end);
        } else {
            int[] layout = TABLES.get(type);
            if (layout != null && end - start >= layout[0] + 4) {
                long count = bytes.getInt(start + layout[0]) & 0xFFFFFFFFL;
                long room = end - start - layout[0] - 4L;
                if (count * layout[1] > room) {
                    throw corrupt("the box '" + type + "' at byte " + (offset + boxStart) + " lists " + count
                            + " entries of " + layout[1] + " bytes, but holds " + room + " bytes of entries.");
                }
            }
        }
    }

    /** Where the child boxes of the sample description {@code type} begin, or null when JCodec reads none. */
    private @Nullable Integer sampleEntryPrefix(String type, int start, int end) {
        if (VIDEO_ENTRIES.contains(type)) {
            return 78;
        }
        if (AUDIO_ENTRIES.contains(type)) {
            int version = end - start >= 10 ? bytes.getShort(start + 8) : 0;
            return version == 1 ? 44 : version == 2 ? 64 : 28;
        }
        return switch (type) {
            case "urim" -> 8;
            case "metx" -> afterStrings(start + 8, end, 3) - start;
            // JCodec reads no sample entry fields when the entry begins with "application"
            case "mett" -> afterStrings(startsWith(start, end, "application") ? start : start + 8, end, 2) - start;
            default -> null;
        };
    }

    /** Where JCodec's reading of {@code count} zero-terminated strings from {@code position} ends. */
    private int afterStrings(int position, int end, int count) {
        int at = position;
        for (int i = 0; i < count && at < end; i++) {
            while (at < end && bytes.get(at++) != 0) {
                // up to and with the terminating zero
            }
        }
        return at;
    }

    private boolean startsWith(int position, int end, String text) {
        if (end - position < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes.get(position + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An item list: entries of a 32-bit size and a key, each followed by child boxes that JCodec reads
     * until the entry's last byte; one to three bytes left over stall its loop.
     */
    private void items(int boxStart, int start, int end, int depth) throws MediaException {
        int position = start;
        while (end - position >= 8) {
            long size = bytes.getInt(position) & 0xFFFFFFFFL;
            if (size < 8 || size > end - position) {
                return; // JCodec fails on this entry, in bounded time
            }
            int itemEnd = position + (int) size;
            int child = position + 8;
            while (child < itemEnd) {
                if (itemEnd - child < 4) {
                    throw corrupt("the box 'ilst' at byte " + (offset + boxStart) + " has an entry at byte "
                            + (offset + position) + " whose last " + (itemEnd - child) + " bytes are not a box.");
                }
                child = itemChild(child, itemEnd, depth + 1);
            }
            position = itemEnd;
        }
    }

    /** One child of an item list entry, read as JCodec does; returns where JCodec reads next. */
    private int itemChild(int start, int end, int depth) throws MediaException {
        int position = start;
        long size = 0;
        while (end - position >= 4 && (size = bytes.getInt(position) & 0xFFFFFFFFL) == 0) {
            position += 4;
        }
        if (size == 0) {
            return position;
        }
        position += 4;
        if (end - position < 4 || (size < 8 && size != 1)) {
            return position;
        }
        int boxStart = position - 4;
        String type = type(position);
        position += 4;
        int header = 8;
        if (size == 1) {
            if (end - position < 8) {
                return position;
            }
            size = bytes.getLong(position);
            position += 8;
            header = 16;
            if (size < header) {
                throw corrupt("the box '" + Mp4Boxes.printable(type) + "' at byte " + (offset + boxStart)
                        + " declares a size of " + (size < 0 ? Long.toUnsignedString(size) : size)
                        + " bytes, which no box can have.");
            }
        }
        long body = size - header;
        if (body > end - position) {
            return position;
        }
        box("ilst", type, boxStart, position, position + (int) body, depth);
        return position + (int) body;
    }

    /** A sample size table: one size for every sample (then bounded by the file) or one size per sample. */
    private void sampleSizes(int boxStart, int start, int end) throws MediaException {
        if (end - start < 12) {
            return;
        }
        long sampleSize = bytes.getInt(start + 4) & 0xFFFFFFFFL;
        long count = bytes.getInt(start + 8) & 0xFFFFFFFFL;
        long room = end - start - 12L;
        if (sampleSize == 0 && count * 4 > room) {
            throw corrupt("the box 'stsz' at byte " + (offset + boxStart) + " lists " + count
                    + " entries of 4 bytes, but holds " + room + " bytes of entries.");
        }
        if (sampleSize != 0 && count * sampleSize > fileSize) {
            throw corrupt("the box 'stsz' at byte " + (offset + boxStart) + " declares " + count + " samples of "
                    + sampleSize + " bytes, more than the file's " + fileSize + " bytes.");
        }
    }

    private String type(int position) {
        byte[] type = new byte[4];
        bytes.get(position, type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private MediaException corrupt(String what) {
        return new MediaException("The video '" + path + "' is corrupt: " + what);
    }
}
