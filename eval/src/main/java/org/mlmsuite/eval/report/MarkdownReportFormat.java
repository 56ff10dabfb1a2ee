package org.mlmsuite.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.md: the tables and provenance as GitHub-flavoured Markdown (charts live in report.html). */
public final class MarkdownReportFormat {
  private MarkdownReportFormat() {}

  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(inline(report.title())).append("\n\n");
    for (Section section : report.sections()) {
      md.append("## ").append(inline(section.title())).append("\n\n");
      if (section instanceof MetricsTableSection t) {
        metrics(md, t);
      } else if (section instanceof ConfusionMatrixSection c) {
        confusion(md, c);
      } else if (section instanceof CurvesSection c) {
        curves(md, c);
      } else if (section instanceof TextSection t) {
        md.append(t.text().strip()).append("\n\n");
      }
    }
    provenance(md, report.provenance());
    return md.toString();
  }

  private static void metrics(StringBuilder md, MetricsTableSection t) {
    md.append("| system | kind |");
    t.metrics().forEach(m -> md.append(' ').append(cell(m)).append(" |"));
    md.append("\n|---|---|");
    t.metrics().forEach(m -> md.append("---:|"));
    md.append('\n');
    for (MetricsTableSection.SystemRow row : t.rows()) {
      md.append("| ").append(cell(row.name()));
      if (row.source() != null) {
        md.append(" (").append(cell(row.source())).append(')');
      }
      md.append(" | ").append(row.kind().name().toLowerCase(Locale.ROOT)).append(" |");
      for (String m : t.metrics()) {
        Double v = row.values().get(m);
        String text = v == null ? "–" : t.format(m, v);
        MetricsTableSection.Interval ci = row.intervals().get(m);
        if (v != null && ci != null) {
          text += String.format(Locale.ROOT, " [%." + t.decimals() + "f, %." + t.decimals() + "f]", ci.low(), ci.high());
        }
        Double best = t.best(m);
        boolean isBest = v != null && best != null && v.doubleValue() == best.doubleValue() && t.rows().size() > 1;
        md.append(' ').append(isBest ? "**" + text + "**" : text).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static void confusion(StringBuilder md, ConfusionMatrixSection c) {
    md.append("Rows: true label; columns: predicted label. Accuracy ")
        .append(String.format(Locale.ROOT, "%.4f", c.accuracy())).append(" over ").append(c.total()).append(" examples.\n\n");
    md.append("| true \\ predicted |");
    c.labels().forEach(l -> md.append(' ').append(cell(l)).append(" |"));
    md.append("\n|---|");
    c.labels().forEach(l -> md.append("---:|"));
    md.append('\n');
    for (int t = 0; t < c.labels().size(); t++) {
      md.append("| ").append(cell(c.labels().get(t))).append(" |");
      for (long count : c.counts()[t]) {
        md.append(' ').append(count).append(" |");
      }
      md.append('\n');
    }
    md.append("\n| class | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < c.labels().size(); i++) {
      md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %d |%n",
          cell(c.labels().get(i)), c.precision(i), c.recall(i), c.f1(i), c.rowTotal(i)));
    }
    md.append('\n');
  }

  private static void curves(StringBuilder md, CurvesSection c) {
    md.append("From `").append(c.source()).append("` (charts in report.html).\n\n");
    md.append("| series | points | first | last | min | max |\n|---|---:|---:|---:|---:|---:|\n");
    for (CurvesSection.Panel panel : c.panels()) {
      for (CurvesSection.Series s : panel.series()) {
        List<CurvesSection.Point> pts = s.points();
        if (pts.isEmpty()) {
          continue;
        }
        double min = pts.stream().mapToDouble(CurvesSection.Point::y).min().orElse(Double.NaN);
        double max = pts.stream().mapToDouble(CurvesSection.Point::y).max().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, "| %s | %d | %.6g | %.6g | %.6g | %.6g |%n",
            cell(s.name()), pts.size(), pts.get(0).y(), pts.get(pts.size() - 1).y(), min, max));
      }
    }
    md.append('\n');
  }

  private static void provenance(StringBuilder md, Provenance p) {
    md.append("## Provenance\n\n");
    if (p.command() != null) {
      md.append("Command:\n\n```\n").append(p.command()).append("\n```\n\n");
    }
    md.append("| | |\n|---|---|\n");
    md.append("| created | ").append(cell(p.createdAt())).append(" |\n");
    if (p.seed() != null) {
      md.append("| seed | ").append(p.seed()).append(" |\n");
    }
    for (Provenance.DatasetInfo d : p.datasets()) {
      md.append("| dataset | ").append(cell(d.name()));
      if (d.split() != null) {
        md.append(" / ").append(cell(d.split()));
      }
      md.append(", ").append(d.size()).append(" examples");
      if (d.path() != null) {
        md.append(" (`").append(d.path()).append("`)");
      }
      md.append(" |\n");
    }
    table(md, "time", p.timingsSeconds(), v -> String.format(Locale.ROOT, "%.2f s", v));
    table(md, "software", p.software(), v -> v);
    table(md, "hardware", p.hardware(), v -> v);
    md.append('\n');
    if (p.modelConfig() != null) {
      md.append("Model config:\n\n```json\n").append(HtmlReportFormat.configJson(p.modelConfig())).append("\n```\n");
    }
  }

  private static <V> void table(StringBuilder md, String prefix, Map<String, V> values, java.util.function.Function<V, String> fmt) {
    values.forEach((k, v) -> md.append("| ").append(prefix).append(": ").append(cell(k)).append(" | ")
        .append(cell(fmt.apply(v))).append(" |\n"));
  }

  private static String inline(String s) {
    return s.replace("\n", " ");
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
