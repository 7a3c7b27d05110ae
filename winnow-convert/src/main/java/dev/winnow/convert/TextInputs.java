package dev.winnow.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files that converters read (label files, class lists, palettes, CSVs) as UTF-8, with the
 * byte-order mark that editors such as Excel and Notepad put in front taken away, so that it
 * never ends up in a class name or a header field.
 */
public final class TextInputs {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextInputs() {}

    /** {@code text} without a leading byte-order mark. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** {@code bytes} decoded as UTF-8, without a leading byte-order mark. */
    public static String utf8(byte[] bytes) {
        return withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The whole file as UTF-8, without a leading byte-order mark.
     *
     * @throws ConversionException naming the file and the first byte that is not UTF-8
     */
    public static String read(Path file) throws IOException, ConversionException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ConversionException("The file " + file + " is not UTF-8 text: the byte at offset "
                    + in.position() + " (0x" + String.format("%02x", bytes[in.position()] & 0xff)
                    + ") does not belong to a UTF-8 character.");
        }
        return withoutByteOrderMark(out.flip().toString());
    }
}
