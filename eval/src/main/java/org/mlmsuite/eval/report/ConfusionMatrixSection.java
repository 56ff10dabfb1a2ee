package org.mlmsuite.eval.report;

import java.util.List;

/**
 * Counts of (true label, predicted label); {@code counts[t][p]} is the number of examples of
 * true class {@code labels[t]} predicted as {@code labels[p]}.
 */
public record ConfusionMatrixSection(String title, List<String> labels, long[][] counts) implements Section {
  public ConfusionMatrixSection {
    labels = List.copyOf(labels);
    if (counts.length != labels.size()) {
      throw new IllegalArgumentException("confusion matrix '" + title + "' has " + counts.length + " rows for "
          + labels.size() + " labels");
    }
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      if (counts[t].length != labels.size()) {
        throw new IllegalArgumentException("confusion matrix '" + title + "' row " + t + " has " + counts[t].length
            + " columns for " + labels.size() + " labels");
      }
      for (long c : counts[t]) {
        if (c < 0) {
          throw new IllegalArgumentException("confusion matrix '" + title + "' has a negative count in row " + t);
        }
      }
      copy[t] = counts[t].clone();
    }
    counts = copy;
  }

  public long total() {
    long sum = 0;
    for (long[] row : counts) {
      for (long c : row) {
        sum += c;
      }
    }
    return sum;
  }

  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    long total = total();
    return total == 0 ? 0 : (double) correct / total;
  }

  public long rowTotal(int t) {
    long sum = 0;
    for (long c : counts[t]) {
      sum += c;
    }
    return sum;
  }

  public long columnTotal(int p) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[p];
    }
    return sum;
  }

  /** Precision of class i, 0 when it was never predicted. */
  public double precision(int i) {
    long col = columnTotal(i);
    return col == 0 ? 0 : (double) counts[i][i] / col;
  }

  /** Recall of class i, 0 when it never occurs. */
  public double recall(int i) {
    long row = rowTotal(i);
    return row == 0 ? 0 : (double) counts[i][i] / row;
  }

  public double f1(int i) {
    double p = precision(i);
    double r = recall(i);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
