package org.mlmsuite.eval.classification;

import java.util.List;

/**
 * Everything scikit-learn's {@code classification_report}, {@code confusion_matrix} and
 * {@code matthews_corrcoef} give for single-label classification with string labels.
 *
 * @param labels the classes in report order (sorted by code point unless given)
 * @param samples number of (gold, predicted) pairs
 * @param accuracy fraction of exact matches
 * @param perClass one entry per label, in {@code labels} order
 * @param macro unweighted mean over classes
 * @param micro from pooled counts (equals accuracy when every label is listed)
 * @param weighted mean over classes weighted by gold support
 * @param matthewsCorrelation MCC in -1..1 (the multiclass R_K statistic for more than two classes; 0 when undefined)
 * @param confusionMatrix rows gold, columns predicted
 */
public record ClassificationReport(
    List<String> labels,
    long samples,
    double accuracy,
    List<ClassScores> perClass,
    AveragedScores macro,
    AveragedScores micro,
    AveragedScores weighted,
    double matthewsCorrelation,
    ConfusionMatrix confusionMatrix) {

  public ClassificationReport {
    labels = List.copyOf(labels);
    perClass = List.copyOf(perClass);
  }

  /** The scores of one class. */
  public ClassScores forLabel(String label) {
    return perClass.stream().filter(c -> c.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("label '" + label + "' is not in the report " + labels));
  }
}
