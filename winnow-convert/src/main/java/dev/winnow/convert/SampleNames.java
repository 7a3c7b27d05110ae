package dev.winnow.convert;

import dev.winnow.format.PredictionsLayout;
import java.util.Optional;

/**
 * Sample names as converters meet them in annotation files, and the prediction file each maps to.
 * A sample name is a POSIX path relative to the input root ({@code a/b/img.png}); its prediction
 * file is {@code <task>/a/b/img.json}.
 */
public final class SampleNames {
    private SampleNames() {}

    /**
     * Why {@code name} cannot be a sample name, or empty when it can: it must be non-empty, relative,
     * hold no NUL character, use {@code /} as separator, have no empty, {@code .} or {@code ..} segment, and have an
     * extension.
     */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The file name is empty.");
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return Optional.of("The file name '" + name + "' is absolute; it must be relative to the image folder.");
        }
        if (name.indexOf('\0') >= 0) {
            // No file system takes it; the name could never reach a file.
            return Optional.of("The file name '" + name.replace("\0", "\\0")
                    + "' holds a NUL character, which no file name may hold.");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("The file name '" + name + "' contains '\\'; use '/' between folders.");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("The file name '" + name
                        + "' has an empty, '.' or '..' part; it must stay inside the image folder.");
            }
        }
        if (PredictionsLayout.extension(name).isEmpty()) {
            return Optional.of("The file name '" + name + "' has no extension such as .jpg or .png.");
        }
        return Optional.empty();
    }
}
