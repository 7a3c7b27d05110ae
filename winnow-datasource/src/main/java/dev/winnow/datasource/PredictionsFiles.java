package dev.winnow.datasource;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.validate.DiagnosticCode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The files of a predictions folder in a datasource, read with a size limit; a file that cannot be
 * read becomes a diagnostic ({@code E020} too large, {@code E019} a link leading out, {@code E031}
 * any other failure) instead of an exception.
 */
public record PredictionsFiles(Datasource output, long maxBytes) implements PredictionsLayout.Files {

    @Override
    public boolean exists(String path) throws IOException {
        try {
            return output.stat(path).isPresent();
        } catch (PathOutsideRootException e) {
            return true;
        }
    }

    @Override
    public Optional<byte[]> read(String path, List<Diagnostic> problems) {
        try {
            return Optional.of(output.readAllBytes(path, maxBytes));
        } catch (FileTooLargeException e) {
            problems.add(DiagnosticCode.FILE_TOO_LARGE.of(
                    path, "The file is larger than the limit of " + maxBytes + " bytes; it was not read."));
        } catch (PathOutsideRootException e) {
            problems.add(DiagnosticCode.PATH_OUTSIDE_ROOT.of(
                    path,
                    "The file leads out of the predictions location " + "(a link pointing outside); it was not read."));
        } catch (IOException e) {
            LocationAccessException.rethrowIfDenied(e);
            problems.add(DiagnosticCode.UNREADABLE.of(path, "The file cannot be read: " + reason(e)));
        }
        return Optional.empty();
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        return m.endsWith(".") ? m : m + ".";
    }
}
