package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemKind;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.eval.report.Section;

/**
 * The combined benchmark report: per task run one table (ours, baselines, published numbers) with
 * its bar chart, read back from the report.json each evaluation command wrote, and a provenance
 * block (commands, seed, data sizes, wall times).
 */
final class BenchReport {
  /** Columns shown per task kind; the full tables stay in each stage's own report. */
  static final Map<String, List<String>> METRICS = Map.of(
      "classification", List.of("accuracy", "macro_f1"),
      "translation", List.of("BLEU", "chrF2"),
      "summarization", List.of("rouge1", "rouge2", "rougeL"));

  private BenchReport() {}

  /** One task run's numbers: its table and its provenance text. */
  record TaskResult(BenchStagePlanner.TaskStages stages, MetricsTableSection table, String provenance) {}

  static TaskResult collect(BenchStagePlanner.TaskStages stages, BenchPlan plan, ReferenceNumbers references,
      String backboneStage) {
    BenchSuite.TaskRun run = stages.run();
    BenchPlan.Done eval = plan.result(stages.eval());
    List<String> metrics = METRICS.get(run.task());
    MetricsTableSection.Builder table = MetricsTableSection.builder(run.title(), metrics.toArray(String[]::new))
        .decimals(run.task().equals("classification") ? 4 : 2);
    Report ours = JsonReportFormat.read(eval.dir().resolve("report").resolve(ReportWriter.JSON));
    for (SystemRow row : headline(ours).rows()) {
      table.row(project(row, metrics, label(run, row, true), row.kind()));
    }
    if (stages.baselineEval() != null) {
      Report baseline = JsonReportFormat.read(plan.result(stages.baselineEval()).dir().resolve("report").resolve(ReportWriter.JSON));
      for (SystemRow row : headline(baseline).rows()) {
        if (row.kind() == SystemKind.SYSTEM) {
          table.row(project(row, metrics, label(run, row, false), SystemKind.BASELINE));
        }
      }
    }
    for (ReferenceNumbers.Entry ref : references.forKey(run.reference())) {
      if (metrics.contains(ref.metric())) {
        table.row(SystemRow.reference(ref.system(), Map.of(ref.metric(), ref.value()), ref.source()));
      }
    }
    return new TaskResult(stages, table.build(), provenance(stages, plan, ours, backboneStage));
  }

  /** The first metrics table of a task report: its headline scores. */
  static MetricsTableSection headline(Report report) {
    for (Section s : report.sections()) {
      if (s instanceof MetricsTableSection t) {
        return t;
      }
    }
    throw new IllegalStateException("report '" + report.title() + "' has no metrics table");
  }

  private static String label(BenchSuite.TaskRun run, SystemRow row, boolean pretrained) {
    if (row.kind() != SystemKind.SYSTEM) {
      return switch (row.name()) {
        case "doccat", "opennlp-doccat" -> "OpenNLP doccat (maxent, bag of words + bigrams)";
        case "no-pretraining" -> "no pretraining (same model, random init)";
        default -> row.name();
      };
    }
    String weights = pretrained ? "ours, pretrained backbone" : "no pretraining (random init)";
    return switch (run.task()) {
      case "translation" -> weights + ": " + row.name();
      case "summarization" -> weights + ", " + run.mode();
      default -> weights;
    };
  }

  private static SystemRow project(SystemRow row, List<String> metrics, String name, SystemKind kind) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, MetricsTableSection.Interval> intervals = new LinkedHashMap<>();
    for (String m : metrics) {
      if (row.values().containsKey(m)) {
        values.put(m, row.values().get(m));
      }
      if (row.intervals().containsKey(m)) {
        intervals.put(m, row.intervals().get(m));
      }
    }
    return new SystemRow(name, kind, values, intervals, row.source());
  }

  private static String provenance(BenchStagePlanner.TaskStages stages, BenchPlan plan, Report ours,
      String backboneStage) {
    BenchSuite.TaskRun run = stages.run();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Seed %d. Training data: %s%s. Test data:", run.seed(), run.train(),
        stages.trainSize() > 0 ? (run.task().equals("classification") ? ", seeded random sample of " : ", first ")
            + stages.trainSize() + " examples" : " (whole split)"));
    for (Provenance.DatasetInfo d : ours.provenance().datasets()) {
      sb.append(String.format(Locale.ROOT, " %s, %,d examples%s", d.split() == null || d.split().equals("file") ? d.path()
              : d.name() + ":" + d.split(), d.size(),
          stages.testSize() > 0 ? " (" + (run.task().equals("classification") ? "seeded random sample" : "the first ones")
              + " of " + run.test() + ")" : ""));
    }
    sb.append(".\n\nCommands, in order, with the wall time of the run that built each (stages are cached: a"
        + " reused stage keeps the time and environment of the run that built it):\n");
    List<String> names = new ArrayList<>();
    if (backboneStage != null) {
      names.add("vocab");
      names.add("ner");
      names.add(backboneStage);
    }
    String stem = stages.eval().substring(0, stages.eval().length() - "-eval".length());
    names.addAll(List.of(stem + "-train", stem + "-train-nopretrain", stem + "-eval", stem + "-eval-nopretrain"));
    java.util.Set<String> environments = new java.util.LinkedHashSet<>();
    for (String name : names) {
      BenchPlan.Done d = plan.result(name);
      if (d != null) {
        sb.append(String.format(Locale.ROOT, "\n%s  [%s]", d.command(), seconds(d.seconds())));
        environments.add(d.environment() == null ? "unknown (built by another command)" : d.environment());
      }
    }
    sb.append("\n\nBuilt with: ").append(String.join("\n  and: ", environments));
    return sb.toString();
  }

  static String seconds(double s) {
    return Double.isNaN(s) ? "wall time unknown (built earlier)" : String.format(Locale.ROOT, "%.1f s", s);
  }

  /** Assembles and writes the combined report into {@code out}; returns report.html. */
  static Path write(String title, String intro, Provenance provenance, List<TaskResult> results, Path out) {
    Report.Builder report = Report.builder(title).provenance(provenance).text("About this run", intro);
    for (TaskResult r : results) {
      report.metrics(r.table());
      report.text("How " + r.stages().run().title() + " was produced", r.provenance());
    }
    return new ReportWriter().write(report.build(), out);
  }
}
