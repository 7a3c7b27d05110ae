package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tags: named sets of samples, each kept as {@code <output>/.winnow/tags/<tag>.txt} with one
 * sample name per line, sorted. Tagging adds to a tag; every change rewrites its file atomically.
 * The only files the viewer writes besides its index cache.
 */
final class TagStore {
    static final String FOLDER = ".winnow/tags/";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final long MAX_TAG_BYTES = 1L << 30;

    private final Datasource output;
    private final boolean writable;

    TagStore(Datasource output, boolean writable) {
        this.output = output;
        this.writable = writable;
    }

    /** Adds {@code names} to {@code tag}, creating it; returns how many samples the tag holds now. */
    synchronized int add(String tag, Collection<String> names) throws IOException, QueryException {
        requireName(tag);
        if (!writable) {
            throw new QueryException("Tags are written under <output>/.winnow/tags/, and this viewer was started"
                    + " without --output, so it writes nothing; start it again with --output to tag.");
        }
        TreeSet<String> all = new TreeSet<>(read(tag));
        all.addAll(names);
        StringBuilder text = new StringBuilder();
        all.forEach(n -> text.append(n).append('\n'));
        output.writeAtomically(file(tag), text.toString().getBytes(StandardCharsets.UTF_8));
        return all.size();
    }

    /** The samples of {@code tag}; {@link QueryException} when there is no such tag. */
    synchronized Set<String> members(String tag) throws IOException, QueryException {
        requireName(tag);
        if (output.stat(file(tag)).isEmpty()) {
            throw new QueryException("There is no tag " + tag + "; the tags are "
                    + (tags().isEmpty() ? "none" : String.join(", ", tags().keySet())) + ".");
        }
        return read(tag);
    }

    /** Every tag with its sample count, by name. */
    synchronized Map<String, Integer> tags() throws IOException {
        TreeMap<String, Integer> tags = new TreeMap<>();
        for (String path : output.list(FOLDER)) {
            String name = path.substring(FOLDER.length());
            if (name.endsWith(".txt")
                    && TAG.matcher(name.substring(0, name.length() - 4)).matches()) {
                String tag = name.substring(0, name.length() - 4);
                tags.put(tag, read(tag).size());
            }
        }
        return tags;
    }

    static void requireName(String tag) throws QueryException {
        if (!TAG.matcher(tag).matches()) {
            throw new QueryException("The tag name \"" + tag
                    + "\" is not allowed; use 1 to 64 letters, digits, '.', '-' or '_', starting "
                    + "with a letter or digit.");
        }
    }

    private Set<String> read(String tag) throws IOException {
        if (output.stat(file(tag)).isEmpty()) {
            return Set.of();
        }
        String text = new String(output.readAllBytes(file(tag), MAX_TAG_BYTES), StandardCharsets.UTF_8);
        TreeSet<String> names = new TreeSet<>();
        List.of(text.split("\n")).stream().filter(l -> !l.isEmpty()).forEach(names::add);
        return names;
    }

    private static String file(String tag) {
        return FOLDER + tag + ".txt";
    }
}
