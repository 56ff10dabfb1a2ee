package org.mlmsuite.eval.classification;

import java.util.List;

/**
 * Counts of (gold, predicted) label pairs: row i is gold label {@code labels[i]}, column j is
 * predicted label {@code labels[j]}, as scikit-learn's {@code confusion_matrix}.
 */
public record ConfusionMatrix(List<String> labels, List<List<Long>> counts) {

  public ConfusionMatrix {
    labels = List.copyOf(labels);
    counts = counts.stream().map(List::copyOf).toList();
  }

  /** How often {@code gold} was predicted as {@code predicted}. */
  public long count(String gold, String predicted) {
    int row = indexOf(gold);
    int col = indexOf(predicted);
    return counts.get(row).get(col);
  }

  private int indexOf(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("label '" + label + "' is not in the confusion matrix " + labels);
    }
    return i;
  }
}
