package dev.winnow.report;

import static dev.winnow.report.Html.esc;
import static dev.winnow.report.ReportNumbers.human;
import static dev.winnow.report.ReportNumbers.n;
import static dev.winnow.report.ReportNumbers.percent;

import dev.winnow.format.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: styles inline, charts as inline
 * SVG, thumbnails as {@code data:} URIs, no script and no external URL, so the file can be mailed
 * or opened offline.
 *
 * <p>Sections: counts, diagnostics, class distribution before/after per task, score histograms,
 * the embedding map (2-D PCA) with the selection marked, thumbnails of selected samples, a frame
 * strip and timeline per video, and the selected crops of an object-level run. Each thumbnail has a
 * stable id ({@code sample-}, {@code frame-} or {@code crop-} followed by the encoded name) so other
 * pages and the crops can link to it.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {
    static final int HISTOGRAM_BINS = 20;
    private static final int MAX_DIAGNOSTICS_LISTED = 100;
    private static final int MAX_SCATTER_POINTS = 20_000;

    private HtmlReport() {}

    public static String render(RunReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Winnow run ")
                .append(esc(report.runId()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n");
        header(h, report);
        counts(h, report);
        diagnostics(h, report);
        classes(h, report);
        histograms(h, report);
        scatter(h, report);
        thumbnails(h, report);
        VideoSection.render(h, report);
        ObjectSection.render(h, report);
        h.append("<footer>Made by Winnow. This page is self-contained: it loads nothing from the network.</footer>\n");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, RunReport r) {
        h.append("<header><h1>Selection report <span class=\"id\">")
                .append(esc(r.runId()))
                .append("</span></h1>")
                .append("<p class=\"sub\">Started ")
                .append(esc(r.startedAt()))
                .append(" · took ")
                .append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                .append(" s · seed ")
                .append(r.seed())
                .append("</p><p class=\"sub\">Input <code>")
                .append(esc(r.input()))
                .append("</code> → output <code>")
                .append(esc(r.output()))
                .append("</code></p></header>\n");
    }

    private static void counts(StringBuilder h, RunReport r) {
        RunCounts c = r.counts();
        h.append("<section><h2>Counts</h2><div class=\"cards\">");
        card(h, "Samples listed", c.listed(), "");
        if (r.objectLevel().isPresent()) {
            // On object level the candidates are crops; every sample is cut again on each run.
            card(h, "Crops cut now", c.processed(), "");
            card(h, "Unreadable samples", c.unreadable(), c.unreadable() > 0 ? "warn" : "");
            card(h, "Crop candidates", c.candidates(), "");
            card(h, "Crops selected", c.selected(), "accent");
            card(h, "Crops selected earlier", c.earlierSelected(), "");
        } else {
            card(h, "Processed now", c.processed(), "");
            card(h, "Known from earlier runs", c.fromDatapool(), "");
            card(h, "Unreadable", c.unreadable(), c.unreadable() > 0 ? "warn" : "");
            card(h, "Candidates", c.candidates(), "");
            card(h, "Selected", c.selected(), "accent");
            card(h, "Selected earlier", c.earlierSelected(), "");
        }
        card(h, "Prediction files", c.predictionFiles(), "");
        card(h, "Invalid prediction files", c.invalidPredictionFiles(), c.invalidPredictionFiles() > 0 ? "bad" : "");
        h.append("</div></section>\n");
    }

    private static void card(StringBuilder h, String label, long value, String kind) {
        h.append("<div class=\"card ")
                .append(kind)
                .append("\"><div class=\"v\">")
                .append(human((double) value))
                .append("</div><div class=\"l\">")
                .append(esc(label))
                .append("</div></div>");
    }

    private static void diagnostics(StringBuilder h, RunReport r) {
        h.append("<section><h2>Diagnostics</h2>");
        if (r.diagnostics().isEmpty()) {
            h.append("<p class=\"ok\">No problems found.</p></section>\n");
            return;
        }
        h.append("<p>")
                .append(r.errorCount())
                .append(" errors, ")
                .append(r.warningCount())
                .append(" warnings.</p>");
        Map<String, int[]> byCode = new LinkedHashMap<>();
        Map<String, Diagnostic> example = new LinkedHashMap<>();
        r.diagnostics().stream().sorted((a, b) -> a.code().compareTo(b.code())).forEach(d -> {
            byCode.computeIfAbsent(d.code(), k -> new int[1])[0]++;
            example.putIfAbsent(d.code(), d);
        });
        h.append("<table><thead><tr><th>Code</th><th>Severity</th><th "
                + "class=\"num\">Count</th><th>Example</th></tr></thead><tbody>");
        byCode.forEach((code, count) -> {
            Diagnostic d = Objects.requireNonNull(example.get(code), "every counted code has an example");
            h.append("<tr><td><code>")
                    .append(esc(code))
                    .append("</code></td><td><span class=\"sev ")
                    .append(d.severity().label())
                    .append("\">")
                    .append(d.severity().label())
                    .append("</span></td><td class=\"num\">")
                    .append(count[0])
                    .append("</td><td>")
                    .append(esc(d.toText()))
                    .append("</td></tr>");
        });
        h.append("</tbody></table>");
        h.append("<details><summary>All diagnostics");
        if (r.diagnostics().size() > MAX_DIAGNOSTICS_LISTED) {
            h.append(" (first ")
                    .append(MAX_DIAGNOSTICS_LISTED)
                    .append(" of ")
                    .append(r.diagnostics().size())
                    .append("; all are in diagnostics.jsonl)");
        }
        h.append("</summary><ul class=\"diag\">");
        r.diagnostics().stream()
                .limit(MAX_DIAGNOSTICS_LISTED)
                .forEach(d -> h.append("<li class=\"")
                        .append(d.severity().label())
                        .append("\">")
                        .append(esc(d.toText()))
                        .append("</li>"));
        h.append("</ul></details></section>\n");
    }

    private static void classes(StringBuilder h, RunReport r) {
        if (r.tasks().isEmpty()) {
            return;
        }
        h.append("<section><h2>Class distribution</h2><p class=\"sub\">Share of each class among all candidates "
                + "(grey) and among the selected samples (colour).</p><div class=\"grid2\">");
        for (TaskSummary t : r.tasks()) {
            h.append("<div class=\"panel\"><h3>")
                    .append(esc(t.name()))
                    .append(" <span class=\"tag\">")
                    .append(esc(t.taskType()))
                    .append("</span></h3>");
            double before = sum(t.countsBefore());
            double after = sum(t.countsAfter());
            int rows = t.categories().size();
            int width = 560;
            int label = 150;
            int row = 30;
            int height = rows * row + 24;
            h.append("<svg viewBox=\"0 0 ")
                    .append(width)
                    .append(' ')
                    .append(height)
                    .append("\" class=\"chart\" role=\"img\" aria-label=\"class distribution of ")
                    .append(esc(t.name()))
                    .append("\">");
            double max = 0;
            for (int k = 0; k < rows; k++) {
                max = Math.max(max, Math.max(share(t.countsBefore()[k], before), share(t.countsAfter()[k], after)));
            }
            max = max <= 0 ? 1 : max;
            double span = width - label - 120;
            for (int k = 0; k < rows; k++) {
                double y = 8 + k * row;
                double b = share(t.countsBefore()[k], before);
                double a = share(t.countsAfter()[k], after);
                h.append("<text x=\"")
                        .append(label - 8)
                        .append("\" y=\"")
                        .append(n(y + 15))
                        .append("\" class=\"lbl\" text-anchor=\"end\">")
                        .append(esc(clip(t.categories().get(k), 20)))
                        .append("</text>");
                h.append("<rect x=\"")
                        .append(label)
                        .append("\" y=\"")
                        .append(n(y + 2))
                        .append("\" width=\"")
                        .append(n(span * b / max))
                        .append("\" height=\"10\" class=\"before\"><title>")
                        .append(esc(t.categories().get(k)))
                        .append(": ")
                        .append(human(t.countsBefore()[k]))
                        .append(" of ")
                        .append(human(before))
                        .append(" before</title></rect>");
                h.append("<rect x=\"")
                        .append(label)
                        .append("\" y=\"")
                        .append(n(y + 13))
                        .append("\" width=\"")
                        .append(n(span * a / max))
                        .append("\" height=\"10\" class=\"after\"><title>")
                        .append(esc(t.categories().get(k)))
                        .append(": ")
                        .append(human(t.countsAfter()[k]))
                        .append(" of ")
                        .append(human(after))
                        .append(" selected</title></rect>");
                h.append("<text x=\"")
                        .append(n(label + span * Math.max(a, b) / max + 6))
                        .append("\" y=\"")
                        .append(n(y + 16))
                        .append("\" class=\"val\">")
                        .append(percent(b))
                        .append(" → ")
                        .append(percent(a))
                        .append("</text>");
            }
            h.append("</svg></div>");
        }
        h.append("</div></section>\n");
    }

    private static void histograms(StringBuilder h, RunReport r) {
        boolean any = r.tasks().stream().anyMatch(t -> !t.scoreNames().isEmpty());
        if (!any) {
            return;
        }
        h.append(
                "<section><h2>Scores</h2><p class=\"sub\">Histograms of each active-learning score over the candidates "
                        + "(grey) with the selected samples in colour.</p><div class=\"grid3\">");
        for (TaskSummary t : r.tasks()) {
            for (int s = 0; s < t.scoreNames().size(); s++) {
                histogram(
                        h, t.name() + " · " + t.scoreNames().get(s), t.scores().get(s), r.isSelected());
            }
        }
        h.append("</div></section>\n");
    }

    private static void histogram(StringBuilder h, String title, double[] values, boolean[] selected) {
        int[] all = new int[HISTOGRAM_BINS];
        int[] picked = new int[HISTOGRAM_BINS];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        // Scores live in [0, 1]; show that whole range unless the values leave it.
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 1);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            int bin = (int) Math.min(HISTOGRAM_BINS - 1, Math.floor((values[i] - lo) / (hi - lo) * HISTOGRAM_BINS));
            all[bin]++;
            if (selected[i]) {
                picked[bin]++;
            }
        }
        int max = 1;
        for (int c : all) {
            max = Math.max(max, c);
        }
        int w = 300;
        int ht = 150;
        int base = 125;
        double bw = (w - 20) / (double) HISTOGRAM_BINS;
        h.append("<div class=\"panel\"><h3>")
                .append(esc(title))
                .append("</h3><svg viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(ht)
                .append("\" class=\"chart\" role=\"img\" aria-label=\"histogram of ")
                .append(esc(title))
                .append("\">");
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double x = 10 + b * bw;
            double hAll = (base - 10) * all[b] / (double) max;
            double hSel = (base - 10) * picked[b] / (double) max;
            String range = ReportNumbers.human(lo + (hi - lo) * b / HISTOGRAM_BINS) + "–"
                    + ReportNumbers.human(lo + (hi - lo) * (b + 1) / HISTOGRAM_BINS);
            h.append("<rect x=\"")
                    .append(n(x + 1))
                    .append("\" y=\"")
                    .append(n(base - hAll))
                    .append("\" width=\"")
                    .append(n(bw - 2))
                    .append("\" height=\"")
                    .append(n(hAll))
                    .append("\" class=\"before\"><title>")
                    .append(range)
                    .append(": ")
                    .append(all[b])
                    .append(" candidates, ")
                    .append(picked[b])
                    .append(" selected</title></rect>");
            if (picked[b] > 0) {
                h.append("<rect x=\"")
                        .append(n(x + 1))
                        .append("\" y=\"")
                        .append(n(base - hSel))
                        .append("\" width=\"")
                        .append(n(bw - 2))
                        .append("\" height=\"")
                        .append(n(hSel))
                        .append("\" class=\"after\"/>");
            }
        }
        h.append("<line x1=\"10\" x2=\"")
                .append(w - 10)
                .append("\" y1=\"")
                .append(base)
                .append("\" y2=\"")
                .append(base)
                .append("\" class=\"axis\"/>");
        h.append("<text x=\"10\" y=\"")
                .append(base + 16)
                .append("\" class=\"lbl\">")
                .append(human(lo))
                .append("</text>");
        h.append("<text x=\"")
                .append(w - 10)
                .append("\" y=\"")
                .append(base + 16)
                .append("\" class=\"lbl\" text-anchor=\"end\">")
                .append(human(hi))
                .append("</text>");
        h.append("</svg></div>");
    }

    private static void scatter(StringBuilder h, RunReport r) {
        double[][] p = r.projection();
        if (p.length == 0) {
            return;
        }
        h.append("<section><h2>Embedding map</h2><p class=\"sub\">The candidates' embeddings projected to two "
                + "dimensions (PCA); selected samples are marked. Diverse selections spread over the whole map.</p>");
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] pt : p) {
            minX = Math.min(minX, pt[0]);
            maxX = Math.max(maxX, pt[0]);
            minY = Math.min(minY, pt[1]);
            maxY = Math.max(maxY, pt[1]);
        }
        double sx = maxX > minX ? maxX - minX : 1;
        double sy = maxY > minY ? maxY - minY : 1;
        int w = 760;
        int ht = 520;
        int pad = 20;
        h.append("<div class=\"panel\"><svg viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(ht)
                .append("\" class=\"chart scatter\" role=\"img\" aria-label=\"embedding map\">");
        h.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(ht)
                .append("\" class=\"plot\"/>");
        int step = Math.max(1, p.length / MAX_SCATTER_POINTS);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < p.length; i++) {
                boolean sel = r.isSelected()[i];
                if ((pass == 0) == sel || (!sel && i % step != 0)) {
                    continue;
                }
                double x = pad + (p[i][0] - minX) / sx * (w - 2 * pad);
                double y = ht - pad - (p[i][1] - minY) / sy * (ht - 2 * pad);
                h.append("<circle cx=\"")
                        .append(n(x))
                        .append("\" cy=\"")
                        .append(n(y))
                        .append(sel ? "\" r=\"5\" class=\"sel\">" : "\" r=\"2.6\" class=\"pt\">")
                        .append("<title>")
                        .append(esc(r.candidates().get(i)))
                        .append("</title></circle>");
            }
        }
        h.append("</svg><p class=\"legend\"><span class=\"dot pt\"></span> candidate <span class=\"dot "
                + "sel\"></span> selected</p></div></section>\n");
    }

    private static void thumbnails(StringBuilder h, RunReport r) {
        if (r.thumbnails().isEmpty()) {
            return;
        }
        h.append("<section><h2>Selected samples</h2><p class=\"sub\">");
        if (r.thumbnails().size() < r.selected().size()) {
            h.append("The first ")
                    .append(r.thumbnails().size())
                    .append(" of ")
                    .append(r.selected().size())
                    .append(" selected samples");
        } else {
            h.append("All ").append(r.selected().size()).append(" selected samples");
        }
        h.append(", in selection order, with their predictions drawn.</p><div class=\"thumbs\">");
        int order = 1;
        for (Thumbnail t : r.thumbnails()) {
            h.append("<figure id=\"").append(Html.anchor("sample", t.sample())).append("\">");
            Html.img(h, t, t.sample())
                    .append("<figcaption><b>#")
                    .append(order++)
                    .append("</b> ")
                    .append(esc(t.sample()));
            if (!t.caption().isEmpty()) {
                h.append("<br><span class=\"cap\">").append(esc(t.caption())).append("</span>");
            }
            h.append("</figcaption></figure>");
        }
        h.append("</div></section>\n");
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double share(double value, double total) {
        return total > 0 ? value / total : 0;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static final String STYLE = String.join(
            "",
            ":root{--fg:#1d2433;--muted:#667085;--line:#e4e7ec;--bg:#f6f7f9;--card:#fff;",
            "--accent:#e8590c;--accent2:#fd7e14;",
            "--grey:#b8c0cc;--bad:#c92a2a;--warn:#e67700;--ok:#2b8a3e}",
            "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);",
            "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}",
            "main{max-width:1180px;margin:0 auto;padding:28px 24px 48px}",
            "header h1{font-size:26px;margin:0 0 4px}header .id{color:var(--accent);font-weight:600}",
            ".sub{color:var(--muted);margin:2px 0}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;",
            "background:#eef0f3;padding:1px 5px;border-radius:4px}",
            "section{margin-top:30px}",
            "h2{font-size:19px;margin:0 0 10px;border-bottom:1px solid var(--line);padding-bottom:6px}",
            "h3{font-size:15px;margin:0 0 8px}.tag{font-weight:400;font-size:12px;color:var(--muted);",
            "border:1px solid var(--line);border-radius:10px;padding:1px 8px;margin-left:6px}",
            ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px}",
            ".card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}",
            ".card .v{font-size:24px;font-weight:650}.card .l{color:var(--muted);font-size:13px}",
            ".card.accent .v{color:var(--accent)}.card.bad .v{color:var(--bad)}.card.warn .v{color:var(--warn)}",
            ".panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px}",
            ".grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:14px}",
            ".grid3{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px}",
            ".chart{width:100%;height:auto;display:block}.chart .before{fill:var(--grey)}",
            ".chart .after{fill:var(--accent)}",
            ".chart .lbl{font-size:12px;fill:var(--muted)}.chart .val{font-size:11px;fill:var(--fg)}",
            ".chart .axis{stroke:#98a2b3;stroke-width:1}.chart .plot{fill:#fbfbfc}",
            ".scatter .pt{fill:#98a2b3;fill-opacity:.55}.scatter .sel{fill:var(--accent);stroke:#fff;stroke-width:1.5}",
            ".legend{color:var(--muted);font-size:13px;margin:6px 0 0}",
            ".dot{display:inline-block;width:10px;height:10px;",
            "border-radius:50%;margin:0 4px 0 12px;vertical-align:middle}",
            ".dot.pt{background:#98a2b3}.dot.sel{background:var(--accent)}",
            "table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);",
            "border-radius:10px;overflow:hidden;font-size:13px}",
            "th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}",
            "th{background:#f0f2f5;font-weight:600}.num{text-align:right}",
            ".sev{border-radius:8px;padding:1px 7px;font-size:12px;color:#fff}.sev.error{background:var(--bad)}",
            ".sev.warning{background:var(--warn)}.ok{color:var(--ok)}details{margin-top:10px}",
            "ul.diag{font:12px ui-monospace,Menlo,monospace;padding-left:18px}ul.diag li.error{color:var(--bad)}",
            ".thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:14px}",
            "figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}",
            "figure img{display:block;width:100%;height:auto;background:#222}",
            "figcaption{padding:8px 10px;font-size:12px;word-break:break-all}figcaption b{color:var(--accent)}",
            ".cap{color:var(--muted)}figcaption a{color:inherit}",
            ".video{margin-bottom:14px}",
            ".strip{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:8px;",
            "margin:10px 0 4px}figure.frame.sel{border:3px solid var(--accent)}",
            ".frame figcaption{word-break:normal;padding:5px 8px}",
            ".timeline .tick{stroke:var(--accent);stroke-width:4}.timeline .shown{stroke:#98a2b3;stroke-width:2}",
            ".thumbs.crops{grid-template-columns:repeat(auto-fill,minmax(160px,1fr))}",
            ".crops img{height:160px;object-fit:contain}",
            "footer{margin-top:40px;color:var(--muted);font-size:12px;text-align:center}");

    /** The distinct colours used for categories in thumbnails and charts, by category index. */
    public static final List<String> PALETTE = List.of(
            "#e8590c", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#e03131", "#5c940d", "#3b5bdb",
            "#d6336c");
}
