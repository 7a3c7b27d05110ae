package dev.winnow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static RunReport report(List<Diagnostic> diagnostics, List<Thumbnail> thumbnails) {
        TaskSummary task = new TaskSummary(
                "cars & <trucks>",
                "object-detection",
                List.of("car", "truck"),
                new double[] {6, 2},
                new double[] {1, 1},
                List.of("uncertainty_entropy"),
                List.of(new double[] {0.1, 0.9, 0.5}));
        return new RunReport(
                "r1",
                "2026-01-02T03:04:05Z",
                1.25,
                "/in",
                "/out",
                3,
                new RunCounts(3, 0, 3, 0, 3, 2, 0, 3, 0),
                diagnostics,
                List.of(task),
                List.of("a.png", "b.png", "c.png"),
                List.of("b.png", "c.png"),
                new double[][] {{0, 0}, {1, 1}, {2, 0}},
                new boolean[] {false, true, true},
                thumbnails);
    }

    @Test
    void render_isOneSelfContainedPage() {
        Thumbnail thumb = new Thumbnail("b.png", "image/jpeg", new byte[] {1, 2, 3}, 4, 3, "cls: car 0.90");
        String html = HtmlReport.render(report(List.of(), List.of(thumb)));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=\"/", "url(");
        assertThat(html).contains("src=\"data:image/jpeg;base64,AQID\"");
        assertThat(html).contains("<h3>cars &amp; &lt;trucks&gt; <span class=\"tag\">object-detection</span></h3>");
        assertThat(html).contains("75.0% → 50.0%", "25.0% → 50.0%");
        assertThat(html).contains("<p class=\"ok\">No problems found.</p>");
        assertThat(html).contains("<b>#1</b> b.png<br><span class=\"cap\">cls: car 0.90</span>");
        // Two selected points are drawn large, the other small.
        assertThat(html.split("class=\"sel\"><title>", -1)).hasSize(3);
        assertThat(html.split("class=\"pt\"><title>", -1)).hasSize(2);
    }

    @Test
    void render_summarisesDiagnosticsByCode() {
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error("E012", "p/a.json", "/predictions/0/bbox", "Outside."),
                Diagnostic.error("E012", "p/b.json", "/predictions/1/bbox", "Outside too."),
                Diagnostic.warning("W004", "p/c.json", "", "No file."));
        String html = HtmlReport.render(report(diagnostics, List.of()));

        assertThat(html).contains("<p>2 errors, 1 warnings.</p>");
        assertThat(html)
                .contains("<tr><td><code>E012</code></td><td><span class=\"sev error\">error</span></td>"
                        + "<td class=\"num\">2</td><td>error E012 p/a.json /predictions/0/bbox: Outside.</td></tr>");
        assertThat(html).contains("<li class=\"warning\">warning W004 p/c.json: No file.</li>");
        assertThat(html).doesNotContain("<h2>Selected samples</h2>");
    }

    @Test
    void reportJson_holdsCountsDiagnosticsAndClassCounts() {
        String json = ReportJson.toJson(report(List.of(Diagnostic.warning("W004", "x", "", "m")), List.of()));
        assertThat(json).isEqualTo("""
                {
                  "run_id" : "r1",
                  "started_at" : "2026-01-02T03:04:05Z",
                  "seconds" : 1.25,
                  "input" : "/in",
                  "output" : "/out",
                  "seed" : 3,
                  "counts" : {
                    "samples_listed" : 3,
                    "samples_from_datapool" : 0,
                    "samples_processed" : 3,
                    "samples_unreadable" : 0,
                    "candidates" : 3,
                    "selected" : 2,
                    "selected_earlier" : 0,
                    "prediction_files" : 3,
                    "prediction_files_invalid" : 0
                  },
                  "diagnostics" : {
                    "errors" : 0,
                    "warnings" : 1,
                    "by_code" : {
                      "W004" : 1
                    }
                  },
                  "tasks" : [ {
                    "name" : "cars & <trucks>",
                    "task_type" : "object-detection",
                    "class_counts_before" : {
                      "car" : 6.0,
                      "truck" : 2.0
                    },
                    "class_counts_after" : {
                      "car" : 1.0,
                      "truck" : 1.0
                    },
                    "scores" : [ "uncertainty_entropy" ]
                  } ]
                }
                """);
    }
}
