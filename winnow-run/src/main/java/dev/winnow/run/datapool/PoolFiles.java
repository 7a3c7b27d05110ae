package dev.winnow.run.datapool;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text files of a datapool generation. Names are written one per line with backslash, tab,
 * carriage return and newline escaped ({@code \\ \t \r \n}), so any file name survives.
 */
final class PoolFiles {
    private PoolFiles() {}

    static String escape(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String text, Path file, int line) throws DatapoolException {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 == text.length()) {
                throw new DatapoolException("Line " + line + " of " + file + " ends in a lone backslash.");
            }
            char next = text.charAt(++i);
            switch (next) {
                case '\\' -> sb.append('\\');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default ->
                    throw new DatapoolException(
                            "Line " + line + " of " + file + " has the unknown escape \\" + next + ".");
            }
        }
        return sb.toString();
    }

    static String samplesText(List<ProcessedSample> samples) {
        StringBuilder sb = new StringBuilder();
        for (ProcessedSample s : samples) {
            sb.append(escape(s.name()))
                    .append('\t')
                    .append(s.size())
                    .append('\t')
                    .append(s.lastModifiedMillis())
                    .append('\n');
        }
        return sb.toString();
    }

    static String namesText(List<String> names) {
        StringBuilder sb = new StringBuilder();
        names.forEach(n -> sb.append(escape(n)).append('\n'));
        return sb.toString();
    }

    static List<ProcessedSample> readSamples(Path file) throws IOException {
        List<ProcessedSample> samples = new ArrayList<>();
        try (BufferedReader reader = reader(file)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String[] parts = text.split("\t", -1);
                if (parts.length != 3) {
                    throw new DatapoolException("Line " + line + " of " + file + " has " + parts.length
                            + " tab-separated fields, but expected 3 (name, size, modification time).");
                }
                try {
                    samples.add(new ProcessedSample(
                            unescape(parts[0], file, line), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                } catch (NumberFormatException e) {
                    throw new DatapoolException(
                            "Line " + line + " of " + file + " has a size or time that is not a whole number.");
                }
            }
        }
        return samples;
    }

    static List<String> readNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = reader(file)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                names.add(unescape(text, file, line));
            }
        }
        return names;
    }

    static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> properties = new HashMap<>();
        try (BufferedReader reader = reader(file)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw new DatapoolException("Line " + line + " of " + file + " is not a key=value line.");
                }
                properties.put(text.substring(0, eq), unescape(text.substring(eq + 1), file, line));
            }
        }
        return properties;
    }

    static int intProperty(Map<String, String> properties, String key, Path generation) throws DatapoolException {
        try {
            return Integer.parseInt(properties.getOrDefault(key, ""));
        } catch (NumberFormatException e) {
            throw new DatapoolException(
                    "The datapool generation " + generation + " has no valid '" + key + "' in pool.properties.");
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatapoolException(
                    "The datapool file " + file + " is missing; delete the datapool folder to start afresh.");
        }
    }
}
