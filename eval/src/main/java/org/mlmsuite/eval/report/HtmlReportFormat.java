package org.mlmsuite.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, fonts or links to fetch)
 * with the same tables as report.md plus charts.
 */
public final class HtmlReportFormat {
  private static final ObjectMapper CONFIG_JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private static final String CSS = ChartStyle.VARIABLES + """
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--fg);
             font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
      h1 { font-size: 26px; margin: 8px 0 4px; }
      h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
      h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); }
      .subtitle { color: var(--muted); margin: 0 0 16px; }
      table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
      th, td { border: 1px solid var(--line); padding: 4px 10px; }
      th { background: var(--soft); text-align: left; font-weight: 600; }
      td.num { text-align: right; }
      td.best { font-weight: 700; }
      tr.baseline td:first-child::after { content: " baseline"; color: var(--muted); font-size: 11px; }
      tr.reference td:first-child::after { content: " published"; color: var(--muted); font-size: 11px; }
      .ci { color: var(--muted); font-size: 12px; }
      .source { color: var(--muted); font-size: 12px; }
      pre { background: var(--soft); border: 1px solid var(--line); padding: 8px 12px; overflow-x: auto;
            white-space: pre-wrap; word-break: break-all; font-size: 12.5px; }
      .charts { display: flex; flex-wrap: wrap; gap: 12px; }
      svg.chart { background: #fff; border: 1px solid var(--line); border-radius: 4px; max-width: 100%; height: auto; }
      """
      + ChartStyle.CHARTS + """
      .defs { position: absolute; width: 0; height: 0; }
      footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
      """;

  /** The hatch pattern used for published reference bars, defined once per page. */
  private static final String DEFS = """
      <svg class="defs" aria-hidden="true" focusable="false"><defs>
      <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#fdd9b5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e66101" stroke-width="2.5"/>
      </pattern></defs></svg>
      """;

  private HtmlReportFormat() {}

  public static String render(Report report) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(report.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append(DEFS).append("<main>\n<h1>").append(esc(report.title())).append("</h1>\n");
    Provenance p = report.provenance();
    h.append("<p class=\"subtitle\">").append(esc(p.createdAt() == null ? "" : p.createdAt()));
    if (p.seed() != null) {
      h.append(" · seed ").append(p.seed());
    }
    for (Provenance.DatasetInfo d : p.datasets()) {
      h.append(" · ").append(esc(d.name())).append(d.split() == null ? "" : "/" + esc(d.split()))
          .append(" (").append(String.format(Locale.ROOT, "%,d", d.size())).append(")");
    }
    h.append("</p>\n");
    for (Section section : report.sections()) {
      h.append("<section>\n<h2>").append(esc(section.title())).append("</h2>\n");
      if (section instanceof MetricsTableSection t) {
        metrics(h, t);
      } else if (section instanceof ConfusionMatrixSection c) {
        confusion(h, c);
      } else if (section instanceof CurvesSection c) {
        curves(h, c);
      } else if (section instanceof TextSection t) {
        for (String paragraph : t.text().strip().split("\\n\\s*\\n")) {
          h.append("<p>").append(esc(paragraph).replace("\n", "<br>")).append("</p>\n");
        }
      }
      h.append("</section>\n");
    }
    provenance(h, p);
    h.append("<footer>Written by mlm-suite · report.json holds every number on this page.</footer>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void metrics(StringBuilder h, MetricsTableSection t) {
    h.append("<table class=\"metrics\">\n<thead><tr><th>system</th>");
    t.metrics().forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (MetricsTableSection.SystemRow row : t.rows()) {
      h.append("<tr class=\"").append(row.kind().name().toLowerCase(Locale.ROOT)).append("\"><td>").append(esc(row.name()));
      if (row.source() != null) {
        h.append(" <span class=\"source\">(").append(esc(row.source())).append(")</span>");
      }
      h.append("</td>");
      for (String m : t.metrics()) {
        Double v = row.values().get(m);
        Double best = t.best(m);
        boolean isBest = v != null && best != null && v.doubleValue() == best.doubleValue() && t.rows().size() > 1;
        h.append("<td class=\"num").append(isBest ? " best" : "").append("\">");
        if (v == null) {
          h.append("–");
        } else {
          h.append(t.format(m, v));
          MetricsTableSection.Interval ci = row.intervals().get(m);
          if (ci != null) {
            h.append(String.format(Locale.ROOT, " <span class=\"ci\">[%." + t.decimals() + "f, %." + t.decimals() + "f]</span>",
                ci.low(), ci.high()));
          }
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    if (!t.metrics().isEmpty() && !t.rows().isEmpty()) {
      h.append("<div class=\"charts\">\n").append(BarChart.render(t)).append("</div>\n");
    }
  }

  private static void confusion(StringBuilder h, ConfusionMatrixSection c) {
    h.append(String.format(Locale.ROOT, "<p>Accuracy <b>%.4f</b> over %,d examples.</p>%n", c.accuracy(), c.total()));
    h.append("<div class=\"charts\">\n").append(Heatmap.render(c)).append("<div>\n");
    h.append("<table class=\"per-class\">\n<thead><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < c.labels().size(); i++) {
      h.append(String.format(Locale.ROOT,
          "<tr><td>%s</td><td class=\"num\">%.4f</td><td class=\"num\">%.4f</td><td class=\"num\">%.4f</td><td class=\"num\">%d</td></tr>%n",
          esc(c.labels().get(i)), c.precision(i), c.recall(i), c.f1(i), c.rowTotal(i)));
    }
    h.append("</tbody>\n</table>\n</div>\n</div>\n");
  }

  private static void curves(StringBuilder h, CurvesSection c) {
    h.append("<p class=\"source\">From <code>").append(esc(c.source())).append("</code>.</p>\n");
    if (c.panels().isEmpty()) {
      h.append("<p>The log has no numeric fields to plot.</p>\n");
      return;
    }
    h.append("<div class=\"charts\">\n");
    for (CurvesSection.Panel panel : c.panels()) {
      h.append(LineChart.render(panel.title(), c.xLabel(), panel.yLabel(), panel.series()));
    }
    h.append("</div>\n");
  }

  private static void provenance(StringBuilder h, Provenance p) {
    h.append("<section>\n<h2>Provenance</h2>\n");
    if (p.command() != null) {
      h.append("<h3>Command</h3>\n<pre>").append(esc(p.command())).append("</pre>\n");
    }
    h.append("<table class=\"provenance\">\n");
    row(h, "created", p.createdAt());
    if (p.seed() != null) {
      row(h, "seed", Long.toString(p.seed()));
    }
    for (Provenance.DatasetInfo d : p.datasets()) {
      row(h, "dataset", d.name() + (d.split() == null ? "" : " / " + d.split()) + ", "
          + String.format(Locale.ROOT, "%,d", d.size()) + " examples" + (d.path() == null ? "" : " — " + d.path()));
    }
    p.timingsSeconds().forEach((k, v) -> row(h, "time: " + k, String.format(Locale.ROOT, "%.2f s", v)));
    section(h, "software", p.software());
    section(h, "hardware", p.hardware());
    h.append("</table>\n");
    if (p.modelConfig() != null) {
      h.append("<h3>Model config</h3>\n<pre>").append(esc(configJson(p.modelConfig()))).append("</pre>\n");
    }
    h.append("</section>\n");
  }

  private static void section(StringBuilder h, String prefix, Map<String, String> values) {
    values.forEach((k, v) -> row(h, prefix + ": " + k, v));
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value == null ? "" : value)).append("</td></tr>\n");
  }

  static String configJson(Object config) {
    try {
      return CONFIG_JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      return String.valueOf(config);
    }
  }

  private static String esc(String s) {
    return SvgBuilder.escape(s);
  }
}
