package dev.winnow.worker.report;

import java.util.Locale;

/** Small helpers for writing inline SVG and HTML text. */
final class Svg {
    private Svg() {
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A coordinate with at most one decimal. */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /** A value for people: integers plainly, others with up to 3 significant decimals. */
    static String human(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
