package org.mlmsuite.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlm bench}: every task harness on the mirror datasets from one backbone, with baselines
 * and published numbers, in one report; {@code mlm bench ablation} compares masking strategies.
 */
@Command(
    name = "bench", header = "Run every task on the mirror from one backbone, beside baselines and published numbers.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs every task (classification, translation, summarization) on the dataset",
        "mirror from one backbone (built from the suite's recipe, or --backbone),",
        "beside baselines (no pretraining, OpenNLP doccat, copy-source, Lead-3 and",
        "Longest-3) and published reference numbers, and writes one report",
        "(report.json/md/html) with the commands, seed, versions, hardware, data sizes",
        "and wall time of every result. Each stage is an ordinary mlm command, cached",
        "under the work directory, so a rerun reuses what is built.",
        "Suites: quick (micro model, small subsets, minutes: a pipeline check), full",
        "(tiny model, full splits, hours), or a suite .json file of the same shape."},
    subcommands = {BenchCommand.Ablation.class})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--suite", defaultValue = "quick", description = "quick, full, or a suite .json file (default ${DEFAULT-VALUE}).")
  String suiteName;

  @Option(names = "--only", split = ",", description = "Run only these: task kinds (classification, translation, summarization) or run names (sst2, agnews, multi30k, ...).")
  List<String> only;

  @Option(names = "--backbone", description = "Use this pretrained backbone folder instead of building one from the suite's recipe.")
  Path backbone;

  @Option(names = "--out", description = "Report directory (default: runs/bench-<suite>).")
  Path out;

  @Option(names = "--work-dir", description = "Where stages are built and cached (default: <out>/stages).")
  Path workDir;

  @Option(names = "--dry-run", description = "Print the stages' commands and stop.")
  boolean dryRun;

  @Override
  public Integer call() {
    BenchSuite suite = BenchSuite.load(suiteName).only(only);
    if (backbone != null && !Files.isDirectory(backbone)) {
      throw new IllegalArgumentException("--backbone: no such folder " + backbone);
    }
    Path outDir = (out != null ? out : Path.of("runs", "bench-" + suite.name())).toAbsolutePath();
    Path work = (workDir != null ? workDir : outDir.resolve("stages")).toAbsolutePath();
    PrintWriter log = spec.commandLine().getErr();
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
    if (dryRun) {
      plan.print(spec.commandLine().getOut());
      return 0;
    }
    plan.run(work, log);

    ReferenceNumbers references = ReferenceNumbers.load();
    List<BenchReport.TaskResult> results = new ArrayList<>();
    for (BenchStagePlanner.TaskStages r : runs) {
      results.add(BenchReport.collect(r, plan, references, backbone == null ? "backbone" : null));
    }
    Provenance provenance = Provenance.builder()
        .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
        .seed(suite.backbone().seed())
        .modelConfig(backbone != null ? "--backbone " + backbone.toAbsolutePath() : suite.backbone())
        .software(BenchEnvironment.software())
        .hardware(BenchEnvironment.hardware())
        .timing("bench", (System.nanoTime() - start) / 1e9)
        .timing("stages, as built", plan.builtSeconds())
        .build();
    Path html = BenchReport.write("mlm bench: " + suite.name() + " suite", intro(suite), provenance, results, outDir);
    print(spec.commandLine().getOut(), results, outDir, html, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private String intro(BenchSuite suite) {
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

  @Command(name = "ablation", header = "Masking ablation: one backbone per strategy and seed, fine-tuned on the same tasks.", mixinStandardHelpOptions = true,
      description = {
          "Masking ablation: pretrains one backbone per masking strategy and seed with",
          "the suite's recipe (same steps, batch, data and vocabulary), fine-tunes each",
          "on the suite's tasks (default: its classification runs), and reports per",
          "task and strategy the mean and sample SD over seeds, with a statement per",
          "strategy of whether its difference from 'random' exceeds the seed spread",
          "(|difference of means| > 2 x pooled SD)."})
  static final class Ablation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--masking", split = ",", required = true, description = {
        "Strategies: random, whole-word, span, entity, mixture (= " + AblationRun.MIXTURE + "),",
        "or any 'mlm pretrain --masking' spec with ';' between mixture parts."})
    List<String> masking;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per strategy (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--suite", defaultValue = "quick", description = "Backbone recipe and tasks: quick, full or a suite .json (default ${DEFAULT-VALUE}).")
    String suiteName;

    @Option(names = "--only", split = ",", defaultValue = "classification", description = "Tasks to fine-tune (default ${DEFAULT-VALUE}).")
    List<String> only;

    @Option(names = "--dry-run", description = "Print the stages' commands and stop.")
    boolean dryRun;

    @Option(names = "--pretrain-steps", defaultValue = "0", description = "Pretraining steps per backbone (default: the suite's).")
    long pretrainSteps;

    @Option(names = "--finetune-steps", defaultValue = "0", description = "Fine-tuning steps per task run (default: the suite's).")
    long finetuneSteps;

    @Option(names = "--out", description = "Report directory (default: runs/bench-ablation-<suite>).")
    Path out;

    @Option(names = "--work-dir", description = "Where stages are built and cached (default: <out>/stages).")
    Path workDir;

    @Override
    public Integer call() {
      if (pretrainSteps < 0 || finetuneSteps < 0) {
        throw new IllegalArgumentException("--pretrain-steps/--finetune-steps: must not be negative");
      }
      BenchSuite suite = BenchSuite.load(suiteName).only(only).withSteps(pretrainSteps, finetuneSteps);
      List<String> specs = AblationRun.specs(masking);
      if (seeds < 1) {
        throw new IllegalArgumentException("--seeds: must be at least 1, got " + seeds);
      }
      Path outDir = (out != null ? out : Path.of("runs", "bench-ablation-" + suite.name())).toAbsolutePath();
      Path work = (workDir != null ? workDir : outDir.resolve("stages")).toAbsolutePath();
      AblationRun run = new AblationRun(suite, masking, specs, seeds, work);
      PrintWriter o = spec.commandLine().getOut();
      Path html = run.run(spec.commandLine().getErr(), "mlm " + String.join(" ",
          spec.commandLine().getParseResult().originalArgs()), outDir, dryRun, o);
      if (html == null) {
        return 0;
      }
      run.statements().forEach(o::println);
      o.println("report: " + html);
      o.println("        " + outDir.resolve(ReportWriter.MARKDOWN));
      o.println("        " + outDir.resolve(ReportWriter.JSON));
      o.flush();
      return 0;
    }
  }
}
