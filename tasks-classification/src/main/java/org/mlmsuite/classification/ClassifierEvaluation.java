package org.mlmsuite.classification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassScores;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.classification.McNemarTest;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;

/**
 * The classification harness: scores a classifier (and baselines) on labeled test data with eval's
 * {@link ClassificationMetrics} and assembles the {@link Report}.
 */
public final class ClassifierEvaluation {
  private ClassifierEvaluation() {}

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
