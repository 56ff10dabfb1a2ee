package org.mlmsuite.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.ReportWriter;

/**
 * {@code mlm bench}: every task run of a suite from one backbone, as cached stages, beside baselines
 * and published numbers, in one report.
 */
public final class Bench {
  private Bench() {}

  /**
   * What {@code mlm bench} was asked for.
   *
   * @param suite quick, full, or a suite .json file
   * @param only task kinds or run names to keep; null or empty keeps all
   * @param backbone a pretrained backbone folder used instead of the suite's recipe, or null
   * @param out the report folder, or null for runs/bench-SUITE
   * @param workDir where stages are built and cached, or null for OUT/stages
   * @param dryRun print the stages' commands and stop
   */
  public record Options(String suite, List<String> only, Path backbone, Path out, Path workDir, boolean dryRun) {}

  /** Plans and runs the stages, then writes the report; {@code commandArgs} are recorded in its provenance. */
  public static void run(Options options, List<String> commandArgs, PrintWriter out, PrintWriter log) {
    BenchSuite suite = BenchSuite.load(options.suite()).only(options.only());
    Path backbone = options.backbone();
    if (backbone != null && !Files.isDirectory(backbone)) {
      throw new IllegalArgumentException("--backbone: no such folder " + backbone);
    }
    Path outDir = (options.out() != null ? options.out() : Path.of("runs", "bench-" + suite.name())).toAbsolutePath();
    Path work = (options.workDir() != null ? options.workDir() : outDir.resolve("stages")).toAbsolutePath();
    long start = System.nanoTime();

    BenchPlan plan = new BenchPlan();
    BenchStagePlanner planner = new BenchStagePlanner(plan, new BenchSubsets(work.resolve("data"), null));
    String backboneRef = backbone != null ? backbone.toAbsolutePath().toString() : planner.backbone(suite.backbone(), "backbone");
    String preset = backbone != null ? "tiny" : suite.backbone().preset();
    List<BenchStagePlanner.TaskStages> runs = new ArrayList<>();
    for (BenchSuite.TaskRun run : suite.tasks()) {
      runs.add(planner.task(run, backboneRef, preset, "", true));
    }
    log.printf(Locale.ROOT, "bench: suite %s, %d task runs, %d stages; stages cached under %s%n", suite.name(),
        runs.size(), plan.size(), work);
    log.flush();
    if (options.dryRun()) {
      plan.print(out);
      return;
    }
    plan.run(work, log);

    ReferenceNumbers references = ReferenceNumbers.load();
    List<BenchReport.TaskResult> results = new ArrayList<>();
    for (BenchStagePlanner.TaskStages r : runs) {
      results.add(BenchReport.collect(r, plan, references, backbone == null ? "backbone" : null));
    }
    Provenance provenance = Provenance.builder()
        .command("mlm", commandArgs.toArray(String[]::new))
        .seed(suite.backbone().seed())
        .modelConfig(backbone != null ? "--backbone " + backbone.toAbsolutePath() : suite.backbone())
        .software(BenchEnvironment.software())
        .hardware(BenchEnvironment.hardware())
        .timing("bench", (System.nanoTime() - start) / 1e9)
        .timing("stages, as built", plan.builtSeconds())
        .build();
    Path html = BenchReport.write("mlm bench: " + suite.name() + " suite", intro(suite, backbone), provenance, results, outDir);
    print(out, results, outDir, html, (System.nanoTime() - start) / 1e9);
  }

  private static String intro(BenchSuite suite, Path backbone) {
    StringBuilder sb = new StringBuilder(suite.description());
    if (backbone != null) {
      sb.append("\n\nBackbone: the pretrained folder ").append(backbone.toAbsolutePath())
          .append(" (given with --backbone; the suite's own recipe was not used). ")
          .append(BackboneDescription.of(backbone));
    } else {
      BenchSuite.BackboneRecipe r = suite.backbone();
      sb.append(String.format(Locale.ROOT, "%n%nBackbone: preset %s, %s WordPiece vocabulary of %,d on %s, %s masking, "
              + "%,d pretraining steps of %d sequences x %d tokens, peak lr %s, seed %d; one backbone for every task.",
          r.preset(), r.cased() ? "cased" : "uncased", r.vocabSize(), String.join(" + ", r.corpus()), r.masking(),
          r.steps(), r.batchSize(), r.seqLength(), BenchStagePlanner.number(r.lr()), r.seed()));
    }
    sb.append("\n\nRows: 'ours' and the baselines are measured here, on the same data and with the same budget "
        + "(the no-pretraining rows fine-tune the same architecture and vocabulary from random weights). Rows "
        + "marked published come from the literature (source in report.json and the markdown table); they used other "
        + "training budgets and data sizes, so they are context, not a comparison on equal terms.");
    return sb.toString();
  }

  private static void print(PrintWriter out, List<BenchReport.TaskResult> results, Path outDir, Path html, double seconds) {
    out.printf(Locale.ROOT, "%nbench finished in %s%n", BenchPlan.clock(seconds));
    for (BenchReport.TaskResult r : results) {
      out.println(r.stages().run().title());
      for (MetricsTableSection.SystemRow row : r.table().rows()) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-9s %-58s", kind(row), row.name()));
        row.values().forEach((m, v) -> line.append(String.format(Locale.ROOT, " %s %.4g", m, v)));
        out.println(line);
      }
    }
    printReportPaths(out, outDir, html);
  }

  /** The three renderings of a report, report.html first. */
  static void printReportPaths(PrintWriter out, Path outDir, Path html) {
    out.println("report: " + html);
    out.println("        " + outDir.resolve(ReportWriter.MARKDOWN));
    out.println("        " + outDir.resolve(ReportWriter.JSON));
    out.flush();
  }

  private static String kind(MetricsTableSection.SystemRow row) {
    return switch (row.kind()) {
      case SYSTEM -> "ours";
      case BASELINE -> "baseline";
      case REFERENCE -> "published";
    };
  }
}
