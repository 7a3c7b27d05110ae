package dev.winnow.report;

import java.util.Locale;

/** How the report writes numbers: coordinates, values, percentages and scores, the same in every locale. */
final class ReportNumbers {
    private ReportNumbers() {}

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

    /** A fraction as a percentage with one decimal. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A prediction's score as the report writes it next to a category: two decimals. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
