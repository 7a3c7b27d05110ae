package dev.winnow.datasource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The entries of {@code .lightly/relevant_filenames.txt}: one sample path or folder per line,
 * relative to the input root. Blank lines and whitespace around an entry are ignored; an entry
 * starting with {@code ./}, {@code ../} or {@code /}, or holding a {@code ..} segment, is refused.
 * A sample is relevant when it equals an entry or lies below an entry taken as a folder.
 *
 * <p>Immutable and thread-safe.
 */
public final class RelevantFilenames {
    /** Where the file lives in the output location. */
    public static final String PATH = ".lightly/relevant_filenames.txt";
    /** The longest line accepted; a longer one is not a path and would only cost memory. */
    public static final int MAX_LINE_CHARS = 4096;

    private final NavigableSet<String> entries;

    private RelevantFilenames(NavigableSet<String> entries) {
        this.entries = entries;
    }

    /** The file of {@code output}, or empty when it has none. */
    public static Optional<RelevantFilenames> read(Datasource output) throws IOException {
        if (output.stat(PATH).isEmpty()) {
            return Optional.empty();
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(output.open(PATH), StandardCharsets.UTF_8))) {
            return Optional.of(parse(reader));
        }
    }

    /** Parses the lines of a relevant-filenames file. */
    public static RelevantFilenames parse(BufferedReader reader) throws IOException {
        TreeSet<String> entries = new TreeSet<>();
        int lineNumber = 0;
        StringBuilder buffer = new StringBuilder();
        for (String line = nextLine(reader, buffer); line != null; line = nextLine(reader, buffer)) {
            lineNumber++;
            if (line.length() > MAX_LINE_CHARS) {
                throw new RelevantFilenamesException(
                        lineNumber,
                        "Line " + lineNumber + " of " + PATH + " is longer than " + MAX_LINE_CHARS
                                + " characters; entries must be paths relative to the input root, one per line.");
            }
            String entry = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String problem = problemOf(entry);
            if (problem != null) {
                throw new RelevantFilenamesException(
                        lineNumber,
                        "Line " + lineNumber + " of " + PATH + " ('" + entry + "') " + problem
                                + "; entries must be paths relative to the input root, like "
                                + "'images/a.jpg' or 'images'.");
            }
            while (entry.endsWith("/")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            entries.add(entry);
        }
        return new RelevantFilenames(entries);
    }

    /** The next line without its terminator, read no further than one character past the length limit. */
    private static @Nullable String nextLine(BufferedReader reader, StringBuilder buffer) throws IOException {
        buffer.setLength(0);
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (buffer.length() <= MAX_LINE_CHARS) {
                buffer.append((char) c);
            }
            c = reader.read();
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            buffer.setLength(end - 1);
        }
        return buffer.toString();
    }

    private static @Nullable String problemOf(String entry) {
        if (entry.startsWith("./")) {
            return "starts with './'";
        }
        if (entry.startsWith("../") || entry.equals("..")) {
            return "starts with '../'";
        }
        if (entry.startsWith("/") || entry.startsWith("\\") || (entry.length() >= 2 && entry.charAt(1) == ':')) {
            return "is an absolute path";
        }
        if (DatasourcePaths.hasSegment(entry, "..")) {
            return "has a '..' segment";
        }
        if (entry.equals(".")) {
            return "names the root itself";
        }
        return null;
    }

    /** Whether {@code sample} is named by an entry or lies below an entry naming a folder. */
    public boolean contains(String sample) {
        if (entries.contains(sample)) {
            return true;
        }
        for (int slash = sample.lastIndexOf('/'); slash > 0; slash = sample.lastIndexOf('/', slash - 1)) {
            if (entries.contains(sample.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** The entries (trailing slashes removed), sorted. */
    public List<String> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The entries that name none of {@code samples}, sorted: likely typos worth a warning. */
    public List<String> unmatched(List<String> samples) {
        TreeSet<String> unmatched = new TreeSet<>(entries);
        for (String sample : samples) {
            unmatched.remove(sample);
            for (int slash = sample.lastIndexOf('/'); slash > 0; slash = sample.lastIndexOf('/', slash - 1)) {
                unmatched.remove(sample.substring(0, slash));
            }
        }
        return List.copyOf(unmatched);
    }
}
