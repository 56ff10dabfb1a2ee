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

  /** One system's predictions on the test set and their scores. */
  public record Scored(String system, boolean baseline, List<String> predicted, ClassificationReport report) {
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
    return new Scored(system, baseline, predicted, ClassificationMetrics.evaluate(gold, predicted, labels));
  }

  /**
   * The report: headline table (system and baselines), per-class table and confusion matrix of
   * the system, and training curves when {@code trainLog} exists.
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
        MetricsTableSection.builder("Per class: " + system.system(), "precision", "recall", "f1", "support").decimals(4);
    for (ClassScores c : system.report().perClass()) {
      perClass.row(SystemRow.system(c.label(), Map.of("precision", c.precision(), "recall", c.recall(),
          "f1", c.f1(), "support", (double) c.support())));
    }
    Report.Builder report = Report.builder(title).provenance(provenance)
        .metrics(headline.build())
        .metrics(perClass.build())
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

  static long[][] counts(ClassificationReport r) {
    List<List<Long>> rows = r.confusionMatrix().counts();
    long[][] out = new long[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = rows.get(i).stream().mapToLong(Long::longValue).toArray();
    }
    return out;
  }
}
