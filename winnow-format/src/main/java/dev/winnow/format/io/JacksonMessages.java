package dev.winnow.format.io;

/**
 * Turns a Jackson parse message into a phrase fit for a diagnostic sentence: the first line only,
 * without Jackson's source location note and without a closing period.
 */
public final class JacksonMessages {
    private JacksonMessages() {
    }

    /**
     * The message without its trailing source excerpt and final period, or "unexpected content"
     * when Jackson gave none.
     */
    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected content";
        }
        String m = message;
        int cut = m.indexOf('\n');
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf(" (start marker at");
        if (cut < 0) {
            cut = m.indexOf(" (for ");
        }
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        m = m.strip();
        while (m.endsWith(".") || m.endsWith(":")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }
}
