package org.mlmsuite.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlmsuite.backbone.masking.MaskingConfig;
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemKind;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;

/**
 * One masking ablation: for every strategy and seed a backbone pretrained with the suite's recipe
 * (only the masking and the seed change), fine-tuned on the selected task runs; then seed
 * statistics per task and strategy ({@link AblationStatistics}) in a report.
 */
public final class AblationRun {
  /** What {@code --masking mixture} stands for: BERT tokens, SpanBERT spans and ERNIE entities. */
  public static final String MIXTURE = "mixture:random=0.4,span=0.3,entity=0.3";
  /** The score compared per task kind (the task reports hold the rest). */
  static final Map<String, String> PRIMARY = Map.of(
      "classification", "accuracy", "translation", "BLEU", "summarization", "rougeL");

  private final BenchSuite suite;
  private final List<String> names;
  private final List<String> specs;
  private final int seeds;
  private final Path work;
  private final List<String> statements = new ArrayList<>();

  AblationRun(BenchSuite suite, List<String> names, List<String> specs, int seeds, Path work) {
    this.suite = suite;
    this.names = List.copyOf(names);
    this.specs = List.copyOf(specs);
    this.seeds = seeds;
    this.work = work;
  }

  /**
   * What {@code mlm bench ablation} was asked for.
   *
   * @param masking strategy names (random, span, mixture, ...) or pretrain masking specs
   * @param seeds seeds per strategy
   * @param suite quick, full or a suite .json: the backbone recipe and the task runs
   * @param only task kinds or run names to fine-tune
   * @param pretrainSteps 0: the suite's; @param finetuneSteps 0: the suite's
   * @param out the report folder, or null; @param workDir the stage cache, or null
   * @param dryRun print the stages' commands and stop
   */
  public record Options(List<String> masking, int seeds, String suite, List<String> only, long pretrainSteps,
      long finetuneSteps, Path out, Path workDir, boolean dryRun) {}

  /** Checks the options, runs the ablation and prints each strategy's verdict and the report's paths. */
  public static void run(Options o, String command, PrintWriter out, PrintWriter log) {
    if (o.pretrainSteps() < 0 || o.finetuneSteps() < 0) {
      throw new IllegalArgumentException("--pretrain-steps/--finetune-steps: must not be negative");
    }
    BenchSuite suite = BenchSuite.load(o.suite()).only(o.only()).withSteps(o.pretrainSteps(), o.finetuneSteps());
    List<String> specs = specs(o.masking());
    if (o.seeds() < 1) {
      throw new IllegalArgumentException("--seeds: must be at least 1, got " + o.seeds());
    }
    Path outDir = (o.out() != null ? o.out() : Path.of("runs", "bench-ablation-" + suite.name())).toAbsolutePath();
    Path work = (o.workDir() != null ? o.workDir() : outDir.resolve("stages")).toAbsolutePath();
    AblationRun run = new AblationRun(suite, o.masking(), specs, o.seeds(), work);
    Path html = run.run(log, command, outDir, o.dryRun(), out);
    if (html == null) {
      return;
    }
    run.statements().forEach(out::println);
    Bench.printReportPaths(out, outDir, html);
  }

  /** The pretrain masking spec of each name; unknown names are a one-line user error. */
  static List<String> specs(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String spec = name.equals("mixture") ? MIXTURE : name.replace(';', ',');
      try {
        MaskingConfig.parse(spec);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--masking: unknown masking '" + name + "' (known: random, whole-word, span, "
            + "entity, mixture, or a pretrain spec such as entity+span or mixture:random=0.5;span=0.5)");
      }
      if (out.contains(spec)) {
        throw new IllegalArgumentException("--masking: '" + name + "' is listed twice");
      }
      out.add(spec);
    }
    return out;
  }

  List<String> statements() {
    return statements;
  }

  /** Runs the ablation and writes its report into outDir (returns report.html); with dryRun only prints the plan (returns null). */
  private Path run(PrintWriter log, String command, Path outDir, boolean dryRun, PrintWriter out) {
    long start = System.nanoTime();
    BenchPlan plan = new BenchPlan();
    BenchStagePlanner planner = new BenchStagePlanner(plan, new BenchSubsets(work.resolve("data"), null));
    BenchSuite.BackboneRecipe recipe = suite.backbone();
    // stage names per [strategy][seed][task], and per [strategy][seed] for the backbones
    List<List<List<BenchStagePlanner.TaskStages>>> stages = new ArrayList<>();
    List<List<String>> backboneStages = new ArrayList<>();
    for (int s = 0; s < specs.size(); s++) {
      List<List<BenchStagePlanner.TaskStages>> perSeed = new ArrayList<>();
      List<String> backbonePerSeed = new ArrayList<>();
      String label = names.get(s).replaceAll("[^A-Za-z0-9-]", "_");
      for (int k = 0; k < seeds; k++) {
        String stageName = "backbone-" + label + "-s" + k;
        backbonePerSeed.add(stageName);
        String backbone = planner.backbone(recipe.withMasking(specs.get(s), recipe.seed() + k), stageName);
        List<BenchStagePlanner.TaskStages> perTask = new ArrayList<>();
        for (BenchSuite.TaskRun t : suite.tasks()) {
          // the seed changes initialisation, order and dropout; the data subsets stay the same
          perTask.add(planner.task(t.withSeed(t.seed() + k), t.seed(), backbone, recipe.preset(), label + "-s" + k + "-", false));
        }
        perSeed.add(perTask);
      }
      stages.add(perSeed);
      backboneStages.add(backbonePerSeed);
    }
    log.printf(Locale.ROOT, "bench ablation: %d strategies x %d seeds x %d task runs, %d stages; cached under %s%n",
        specs.size(), seeds, suite.tasks().size(), plan.size(), work);
    log.flush();
    if (dryRun) {
      plan.print(out);
      return null;
    }
    plan.run(work, log);

    String reference = names.contains("random") ? "random" : names.get(0);
    Report.Builder report = Report.builder("mlm bench ablation: masking strategies on the " + suite.name() + " suite")
        .provenance(Provenance.builder().command(command).seed(recipe.seed())
            .modelConfig(recipe).software(BenchEnvironment.software()).hardware(BenchEnvironment.hardware())
            .timing("ablation", (System.nanoTime() - start) / 1e9)
            .timing("stages, as built", plan.builtSeconds()).build())
        .text("About this ablation", intro(reference));
    report.metrics(pretrainingTable(plan, backboneStages));
    report.text("Pretraining: what the held-out scores measure", "Each backbone is scored on its own masking of the same "
        + "held-out sequences: spans and whole entities hide their own context, so a harder strategy shows a higher loss "
        + "without being a worse backbone. Compare strategies on the fine-tuned tasks below; compare a strategy's loss "
        + "across seeds and budgets.");
    for (int t = 0; t < suite.tasks().size(); t++) {
      BenchSuite.TaskRun task = suite.tasks().get(t);
      String metric = PRIMARY.get(task.task());
      Map<String, List<Double>> scores = new LinkedHashMap<>();
      StringBuilder perSeed = new StringBuilder();
      for (int s = 0; s < specs.size(); s++) {
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
          BenchPlan.Done eval = plan.result(stages.get(s).get(k).get(t).eval());
          Report r = JsonReportFormat.read(eval.dir().resolve("report").resolve(ReportWriter.JSON));
          SystemRow ours = BenchReport.headline(r).rows().stream().filter(row -> row.kind() == SystemKind.SYSTEM)
              .findFirst().orElseThrow();
          values.add(ours.values().get(metric));
        }
        scores.put(names.get(s), values);
        perSeed.append(String.format(Locale.ROOT, "%s (%s): %s%n", names.get(s), specs.get(s),
            String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList())));
      }
      report.metrics(table(task, metric, scores));
      report.text(task.title() + ": scores per seed (seeds " + task.seed() + ".." + (task.seed() + seeds - 1)
          + " for fine-tuning, " + recipe.seed() + ".." + (recipe.seed() + seeds - 1) + " for pretraining)", perSeed.toString().strip());
      report.text(task.title() + ": which differences exceed the seed spread", verdicts(task, metric, scores, reference));
    }
    return new ReportWriter().write(report.build(), outDir);
  }

  private String intro(String reference) {
    BenchSuite.BackboneRecipe r = suite.backbone();
    return String.format(Locale.ROOT, "Each strategy pretrains a %s backbone with the same budget and data: %,d steps of %d "
            + "sequences x %d tokens on %s, peak lr %s, one shared %s vocabulary of %,d; only the masking and the seed "
            + "differ. Each backbone is fine-tuned on every task run listed below with the suite's settings, on the same data "
            + "subsets for every strategy and seed. %d seed(s) per strategy; seed k drives both the backbone's pretraining "
            + "and its fine-tuning. 'mixture' means %s.%n%nCriterion: %s%n%nEach strategy is compared with '%s'. Bars show the mean, "
            + "whiskers mean +/- one SD.",
        r.preset(), r.steps(), r.batchSize(), r.seqLength(), String.join(" + ", r.corpus()),
        BenchStagePlanner.number(r.lr()), r.cased() ? "cased" : "uncased", r.vocabSize(), seeds, MIXTURE,
        AblationStatistics.CRITERION, reference);
  }

  /** Held-out masked-LM loss and accuracy of each strategy's backbones, mean (and SD) over seeds. */
  private MetricsTableSection pretrainingTable(BenchPlan plan, List<List<String>> backboneStages) {
    MetricsTableSection.Builder table = MetricsTableSection.builder(
        "Pretraining: held-out masked-LM loss and masked-token accuracy after " + String.format(Locale.ROOT, "%,d",
            suite.backbone().steps()) + " steps, mean over seeds", "mlm_loss", "masked_accuracy")
        .decimals(4).lowerIsBetter("mlm_loss");
    for (int s = 0; s < specs.size(); s++) {
      List<Double> losses = new ArrayList<>();
      List<Double> accuracies = new ArrayList<>();
      for (String stage : backboneStages.get(s)) {
        Map<String, Double> heldOut = HeldOutScores.read(plan.result(stage).dir().resolve("model"));
        losses.add(heldOut.get("loss"));
        accuracies.add(heldOut.getOrDefault("accuracy", Double.NaN));
      }
      AblationStatistics.Summary loss = AblationStatistics.Summary.of(losses);
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("mlm_loss", loss.mean());
      v.put("masked_accuracy", AblationStatistics.Summary.of(accuracies).mean());
      SystemRow row = SystemRow.system(names.get(s) + " (n=" + loss.n() + ")", v);
      table.row(Double.isNaN(loss.sd()) ? row : row.withInterval("mlm_loss", loss.mean() - loss.sd(), loss.mean() + loss.sd()));
    }
    return table.build();
  }

  static MetricsTableSection table(BenchSuite.TaskRun task, String metric, Map<String, List<Double>> scores) {
    MetricsTableSection.Builder table = MetricsTableSection.builder(task.title() + ": " + metric + ", mean over seeds",
        metric, metric + "_sd").decimals(4).lowerIsBetter(metric + "_sd");
    scores.forEach((name, values) -> {
      AblationStatistics.Summary s = AblationStatistics.Summary.of(values);
      Map<String, Double> v = new LinkedHashMap<>();
      v.put(metric, s.mean());
      if (!Double.isNaN(s.sd())) {
        v.put(metric + "_sd", s.sd());
      }
      SystemRow row = SystemRow.system(name + " (n=" + s.n() + ")", v);
      table.row(Double.isNaN(s.sd()) ? row : row.withInterval(metric, s.mean() - s.sd(), s.mean() + s.sd()));
    });
    return table.build();
  }

  private String verdicts(BenchSuite.TaskRun task, String metric, Map<String, List<Double>> scores, String reference) {
    List<Double> ref = scores.get(reference);
    if (ref == null) {
      return "The reference strategy '" + reference + "' has no results; nothing compared.";
    }
    AblationStatistics.Summary base = AblationStatistics.Summary.of(ref);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Double>> e : scores.entrySet()) {
      if (e.getKey().equals(reference)) {
        continue;
      }
      String line = AblationStatistics.statement(e.getKey(), reference, metric,
          AblationStatistics.compare(AblationStatistics.Summary.of(e.getValue()), base));
      statements.add(task.title() + ": " + line);
      sb.append(line).append('\n');
    }
    return sb.isEmpty() ? "Only one strategy: nothing to compare." : sb.toString().strip();
  }
}
