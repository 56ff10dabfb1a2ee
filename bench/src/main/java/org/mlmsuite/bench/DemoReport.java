package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmsuite.eval.report.ConfusionMatrixSection;
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.eval.report.Section;
import org.mlmsuite.eval.report.TextSection;

/**
 * The demo's one report: for each stage a short text saying what its numbers mean (and that the
 * models are demo-sized), followed by the tables of that stage's own report, read back from its
 * report.json, with the path of the full stage report for the details.
 */
final class DemoReport {
  private final Report.Builder report;

  DemoReport(String title) {
    report = Report.builder(title);
  }

  void text(String title, String text) {
    report.section(new TextSection(title, text));
  }

  void text(String title, List<String> lines) {
    text(title, String.join("\n", lines));
  }

  /**
   * Adds the meaning of a stage, then the metrics tables and confusion matrices of its report
   * (curves stay in the stage report, which is named so a reader can open it).
   */
  void stage(String title, String meaning, Path stageReportDir) {
    Report stage = JsonReportFormat.read(stageReportDir.resolve(ReportWriter.JSON));
    text(title, meaning + "\n\nFull report: " + stageReportDir.resolve(ReportWriter.HTML));
    for (Section s : stage.sections()) {
      if (s instanceof MetricsTableSection m) {
        report.section(m.withTitle(title + ": " + m.title()));
      } else if (s instanceof ConfusionMatrixSection c) {
        report.section(new ConfusionMatrixSection(title + ": " + c.title(), c.labels(), c.counts()));
      }
    }
  }

  /** The first metrics table of a stage report (its headline scores): row name to values, in order. */
  static Map<String, Map<String, Double>> headline(Path stageReportDir) {
    Report stage = JsonReportFormat.read(stageReportDir.resolve(ReportWriter.JSON));
    for (Section s : stage.sections()) {
      if (s instanceof MetricsTableSection m) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        m.rows().forEach(r -> rows.put(r.name(), r.values()));
        return rows;
      }
    }
    throw new IllegalStateException(stageReportDir.resolve(ReportWriter.JSON) + ": no metrics table");
  }

  Path write(Provenance provenance, Path dir) {
    return new ReportWriter().write(report.provenance(provenance).build(), dir);
  }
}
