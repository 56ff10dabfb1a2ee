package org.mlmsuite.classification;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassScores;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.classification.McNemarTest;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;

/**
 * The classification harness: scores a classifier (and baselines) on labeled test data with eval's
 * {@link ClassificationMetrics} and assembles the {@link Report}. {@link #run} is all of {@code mlm
 * classify eval}.
 */
public final class ClassifierEvaluation {
  private ClassifierEvaluation() {}

  /**
   * One evaluation, with {@code mlm classify eval}'s defaults from {@link #of}.
   *
   * @param model the classifier folder
   * @param test a CSV/TSV file or {@code NAME[:SPLIT]} (split {@code test} by default)
   * @param baselines named baselines, each trained on {@code baselineTrain}: {@code doccat}
   * @param baselineTrain training data of the named baselines (null: the model's training data)
   * @param baselineModels other classifier folders, scored as baselines
   * @param options how to read the test and baseline data; a column left null is the model's
   * @param reportDir the report's folder (null: {@code <model>/eval})
   * @param commandLine the command that asked for this, program first, recorded in the report (empty: none)
   * @param longText how the model reads texts longer than its window (null: as it was trained)
   */
  public record Request(Path model, String test, List<String> baselines, String baselineTrain,
      List<Path> baselineModels, LabeledData.Options options, Path reportDir, List<String> commandLine,
      LongTextStrategy longText) {
    public Request {
      baselines = List.copyOf(baselines);
      baselineModels = List.copyOf(baselineModels);
      commandLine = List.copyOf(commandLine);
    }

    /** Long texts read as the model was trained to. */
    public Request(Path model, String test, List<String> baselines, String baselineTrain, List<Path> baselineModels,
        LabeledData.Options options, Path reportDir, List<String> commandLine) {
      this(model, test, baselines, baselineTrain, baselineModels, options, reportDir, commandLine, null);
    }

    /** The model reads long texts with {@code strategy} (null: as it was trained). */
    public Request withLongText(LongTextStrategy strategy) {
      return new Request(model, test, baselines, baselineTrain, baselineModels, options, reportDir, commandLine,
          strategy);
    }

    /** {@code model} on {@code test}: no baselines, default columns, report in {@code <model>/eval}. */
    public static Request of(Path model, String test) {
      return new Request(model, test, List.of(), null, List.of(), LabeledData.Options.defaults(), null, List.of());
    }

    public Request withBaselines(List<String> names, String trainedOn) {
      return new Request(model, test, names, trainedOn, baselineModels, options, reportDir, commandLine, longText);
    }

    public Request withBaselineModels(List<Path> folders) {
      return new Request(model, test, baselines, baselineTrain, folders, options, reportDir, commandLine, longText);
    }

    public Request withOptions(LabeledData.Options readOptions) {
      return new Request(model, test, baselines, baselineTrain, baselineModels, readOptions, reportDir, commandLine,
          longText);
    }

    public Request withReportDir(Path folder) {
      return new Request(model, test, baselines, baselineTrain, baselineModels, options, folder, commandLine, longText);
    }

    public Request withCommandLine(List<String> programAndArgs) {
      return new Request(model, test, baselines, baselineTrain, baselineModels, options, reportDir, programAndArgs,
          longText);
    }

    public Path reportFolder() {
      return reportDir != null ? reportDir : model.resolve("eval");
    }
  }

  /**
   * What an evaluation found and where its report is: the model's scores and each baseline's
   * ({@code system.pairedWith(baseline)} gives their McNemar test).
   */
  public record Result(LabeledData test, Scored system, List<Scored> baselines, Report report, Path reportDir) {
    /** What {@code mlm classify eval} prints of it: the scores, the paired tests, per-class scores, the report. */
    public String text() {
      StringWriter text = new StringWriter();
      PrintWriter out = new PrintWriter(text);
      out.printf(Locale.ROOT, "%s: %d examples%n", test.source(), test.size());
      out.printf(Locale.ROOT, "%-50s %9s %9s%n", "system", "accuracy", "macro-F1");
      List<Scored> all = new ArrayList<>();
      all.add(system);
      all.addAll(baselines);
      for (Scored s : all) {
        out.printf(Locale.ROOT, "%-50s %9.4f %9.4f%n", (s.baseline() ? "baseline: " : "") + s.system(),
            s.report().accuracy(), s.report().macro().f1());
      }
      for (Scored b : baselines) {
        McNemarTest t = system.pairedWith(b);
        out.printf(Locale.ROOT, "vs %s: %d examples only %s gets right, %d only the baseline; exact McNemar p = %.2g%n",
            b.system(), t.onlyFirstCorrect(), system.system(), t.onlySecondCorrect(), t.pValue());
      }
      out.printf(Locale.ROOT, "%n%-24s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
      for (ClassScores c : system.report().perClass()) {
        out.printf(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %8d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support());
      }
      out.printf(Locale.ROOT, "report: %s%n", reportDir.resolve(ReportWriter.HTML));
      out.flush();
      return text.toString();
    }
  }

  /** One system's predictions on the test set (beside its gold labels) and their scores. */
  public record Scored(String system, boolean baseline, List<String> gold, List<String> predicted,
      ClassificationReport report) {
    /** The same scores, shown as a baseline. */
    public Scored asBaseline() {
      return new Scored(system, true, gold, predicted, report);
    }

    /** Exact McNemar test of this system against {@code other} on the same test examples. */
    public McNemarTest pairedWith(Scored other) {
      if (!gold.equals(other.gold)) {
        throw new IllegalArgumentException(system + " and " + other.system + " were scored on different test data");
      }
      return McNemarTest.of(gold, predicted, other.predicted);
    }

    public Map<String, Double> headline() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("accuracy", report.accuracy());
      m.put("macro_f1", report.macro().f1());
      m.put("weighted_f1", report.weighted().f1());
      m.put("mcc", report.matthewsCorrelation());
      return m;
    }
  }

  /**
   * Scores the model and the baselines on the test data and writes {@code report.md}, {@code
   * report.html} and {@code report.json} to the report folder. {@code messages} hears what takes
   * long (training a baseline).
   */
  public static Result run(Request request, Consumer<String> messages) {
    long start = System.nanoTime();
    // a wrong baseline is refused before the model's (for BERT-Base, long) pass over the test set
    request.baselineModels().forEach(folder -> ModelDirectory.open(folder, ClassifierInfo.KIND));
    request.baselines().forEach(ClassifierEvaluation::checkBaselineName);
    try (TextClassifier model = TextClassifier.load(request.model(), request.longText())) {
      ClassifierInfo info = model.info();
      LabeledData.Options options = request.options().withColumns(request.options().columns().orElse(info));
      LabeledData test = LabeledData.read(request.test(), "test", options);
      Scored system = evaluate(request.model().getFileName().toString(), model, test.examples());
      double evalSeconds = (System.nanoTime() - start) / 1e9; // the model's own time, without its baselines
      List<Scored> baselines = new ArrayList<>();
      for (Path other : request.baselineModels()) {
        try (TextClassifier b = TextClassifier.load(other)) {
          baselines.add(evaluate(other.getFileName().toString(), b, test.examples()).asBaseline());
        }
      }
      for (String name : request.baselines()) {
        baselines.add(doccat(name, request, options, model, test, messages));
      }
      Report report = report("Classification: " + request.model().getFileName() + " on " + test.source(),
          system, baselines, provenance(request.commandLine(), test, info, evalSeconds),
          request.model().resolve("train-log.jsonl"));
      new ReportWriter().write(report, request.reportFolder());
      return new Result(test, system, List.copyOf(baselines), report, request.reportFolder());
    }
  }

  private static Provenance provenance(List<String> commandLine, LabeledData test, ClassifierInfo model,
      double evalSeconds) {
    Provenance.Builder provenance = Provenance.builder()
        .dataset(test.name(), test.split(), test.size(), test.source())
        .modelConfig(model)
        .seed(model.provenance().seed())
        .timing("eval", evalSeconds);
    if (!commandLine.isEmpty()) {
      provenance.command(commandLine.get(0), commandLine.subList(1, commandLine.size()).toArray(String[]::new));
    }
    return provenance.build();
  }

  /** The doccat baseline trained on the request's baseline data (else the model's) and scored on {@code test}. */
  private static Scored doccat(String name, Request request, LabeledData.Options options, TextClassifier model,
      LabeledData test, Consumer<String> messages) {
    checkBaselineName(name);
    String source = request.baselineTrain() != null ? request.baselineTrain()
        : String.valueOf(model.info().provenance().trainSource());
    LabeledData train = LabeledData.read(source, "train", options);
    messages.accept("classify: training the doccat baseline on " + train.source() + " (" + train.size() + " examples)");
    DoccatBaseline doccat = DoccatBaseline.train(train.examples(), DoccatBaseline.Options.defaults());
    return score(DoccatBaseline.NAME, true, test.examples(), doccat.predictAll(test.examples()), model.labels());
  }

  private static void checkBaselineName(String name) {
    if (!name.equals("doccat")) {
      throw new IllegalArgumentException("--baseline: unknown baseline '" + name + "' (known: doccat)");
    }
  }

  /**
   * Scores {@code classifier} on {@code test}. Every gold label must be one the model knows (an
   * unknown one is an error naming file:line); the pair-ness must match the model's.
   */
  public static Scored evaluate(String system, TextClassifier classifier, List<LabeledText> test) {
    LabelSet labels = classifier.info().labelSet();
    for (LabeledText t : test) {
      labels.indexOf(t);
      if (t.isPair() != classifier.pairs()) {
        throw new IllegalArgumentException(t.origin() + ": the model was trained on "
            + (classifier.pairs() ? "text pairs; give the second text column (--text-column-b)"
                : "single texts, but the test data has a second text column"));
      }
    }
    List<Prediction> predictions = classifier.pairs()
        ? classifier.predictPairs(test.stream().map(LabeledText::text).toList(),
            test.stream().map(LabeledText::textPair).toList())
        : classifier.predictBatch(test.stream().map(LabeledText::text).toList());
    return score(system, false, test, predictions.stream().map(Prediction::label).toList(), labels.labels());
  }

  /** Scores given predictions against the test set's gold labels over {@code labels}. */
  public static Scored score(String system, boolean baseline, List<LabeledText> test, List<String> predicted,
      List<String> labels) {
    List<String> gold = test.stream().map(LabeledText::label).toList();
    return new Scored(system, baseline, gold, predicted, ClassificationMetrics.evaluate(gold, predicted, labels));
  }

  /**
   * The report: headline table (system and baselines), the exact McNemar test against each
   * baseline, per-class table and confusion matrix of the system, and training curves when
   * {@code trainLog} exists.
   */
  public static Report report(String title, Scored system, List<Scored> baselines, Provenance provenance,
      Path trainLog) {
    MetricsTableSection.Builder headline =
        MetricsTableSection.builder("Test scores", "accuracy", "macro_f1", "weighted_f1", "mcc").decimals(4);
    headline.row(SystemRow.system(system.system(), system.headline()));
    for (Scored b : baselines) {
      headline.row(SystemRow.baseline(b.system(), b.headline()));
    }
    MetricsTableSection.Builder perClass =
        MetricsTableSection.builder("Per class: " + system.system(), "precision", "recall", "f1", "support").decimals(4)
            .counts("support");
    for (ClassScores c : system.report().perClass()) {
      perClass.row(SystemRow.system(c.label(), Map.of("precision", c.precision(), "recall", c.recall(),
          "f1", c.f1(), "support", (double) c.support())));
    }
    Report.Builder report = Report.builder(title).provenance(provenance).metrics(headline.build());
    if (!baselines.isEmpty()) {
      report.metrics(pairedTests(system, baselines));
    }
    report.metrics(perClass.build())
        .confusionMatrix("Confusion matrix: " + system.system() + " (rows gold, columns predicted)",
            system.report().labels(), counts(system.report()));
    for (Scored b : baselines) {
      report.confusionMatrix("Confusion matrix: " + b.system(), b.report().labels(), counts(b.report()));
    }
    if (trainLog != null && Files.isRegularFile(trainLog)) {
      report.trainingCurves("Training", trainLog);
    }
    return report.build();
  }

  private static MetricsTableSection pairedTests(Scored system, List<Scored> baselines) {
    MetricsTableSection.Builder table = MetricsTableSection.builder(
        "Paired with each baseline: examples only one of the two gets right, exact McNemar p-value",
        "only_system_right", "only_baseline_right", "p_value").decimals(4)
        .counts("only_system_right", "only_baseline_right").unranked("p_value");
    for (Scored b : baselines) {
      McNemarTest t = system.pairedWith(b);
      table.row(SystemRow.baseline(b.system(), Map.of("only_system_right", (double) t.onlyFirstCorrect(),
          "only_baseline_right", (double) t.onlySecondCorrect(), "p_value", t.pValue())));
    }
    return table.build();
  }

  static long[][] counts(ClassificationReport r) {
    List<List<Long>> rows = r.confusionMatrix().counts();
    long[][] out = new long[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = rows.get(i).stream().mapToLong(Long::longValue).toArray();
    }
    return out;
  }
}
