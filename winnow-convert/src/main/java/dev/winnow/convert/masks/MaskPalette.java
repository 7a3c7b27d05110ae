package dev.winnow.convert.masks;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.format.Category;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes of mask images: one line per class, {@code <id> <name>} for masks that hold class
 * indices (grey or palette PNGs), or {@code <id> <name> <r> <g> <b>} for colour masks, where each
 * colour stands for its class. Blank lines and lines starting with {@code #} are ignored. The JSON
 * forms of {@link CategoryNames} name index classes too.
 *
 * <pre>
 * # id name      r   g   b
 * 0    road      128 64  128
 * 1    sidewalk  244 35  232
 * </pre>
 */
record MaskPalette(List<Category> categories, Map<Integer, Integer> idByColour) {

    boolean hasColours() {
        return !idByColour.isEmpty();
    }

    static MaskPalette read(Path file) throws IOException, ConversionException {
        String text = CategoryNames.text(file, "palette");
        if (CategoryNames.isJson(file, text)) {
            return new MaskPalette(
                    CategoryNames.json(
                            file,
                            text,
                            "lines '<id> <name>' or '<id> <name> <r> <g> <b>', " + CategoryNames.JSON_FORMS),
                    Map.of());
        }
        List<String> lines = List.of(text.split("\r?\n", -1));
        List<Category> categories = new ArrayList<>();
        Map<Integer, Integer> colours = new HashMap<>();
        Set<Integer> ids = new HashSet<>();
        int withColour = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = "Line " + (i + 1) + " of the palette file " + file;
            if (f.length != 2 && f.length != 5) {
                throw new ConversionException(
                        where + " has " + f.length + " fields; expected '<id> <name>' or '<id> <name> <r> <g> <b>'.");
            }
            int id = number(f[0], where, "id", Integer.MAX_VALUE);
            if (!ids.add(id)) {
                throw new ConversionException(where + " repeats the class id " + id + ".");
            }
            categories.add(Category.of(id, f[1]));
            if (f.length == 5) {
                withColour++;
                int rgb = (number(f[2], where, "red", 255) << 16)
                        | (number(f[3], where, "green", 255) << 8)
                        | number(f[4], where, "blue", 255);
                Integer before = colours.put(rgb, id);
                if (before != null) {
                    throw new ConversionException(
                            where + " gives class " + id + " the colour of class " + before + ".");
                }
            }
        }
        if (categories.isEmpty()) {
            throw new ConversionException("The palette file " + file + " names no class.");
        }
        if (withColour != 0 && withColour != categories.size()) {
            throw new ConversionException("The palette file " + file + " gives colours to some classes but not to all;"
                    + " give every class a colour (colour masks) or none (index masks).");
        }
        return new MaskPalette(categories, colours);
    }

    private static int number(String text, String where, String what, int max) throws ConversionException {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConversionException(
                where + " has the " + what + " '" + text + "'; expected a whole number from 0 to " + max + ".");
    }
}
