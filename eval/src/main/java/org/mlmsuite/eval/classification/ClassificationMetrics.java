package org.mlmsuite.eval.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Single-label classification metrics with scikit-learn's conventions, so figures agree with
 * {@code classification_report}, {@code confusion_matrix}, {@code matthews_corrcoef}: labels
 * sorted (by code point, as Python sorts strings), 0 for any ratio with a zero denominator
 * (sklearn's {@code zero_division} default), F1 as {@code 2 tp / (2 tp + fp + fn)}, and averages
 * summed the way NumPy sums.
 *
 * <pre>{@code
 * ClassificationReport r = ClassificationMetrics.evaluate(goldLabels, predictedLabels);
 * double macroF1 = r.macro().f1();
 * }</pre>
 */
public final class ClassificationMetrics {
  /** Python's string order: by code point (Java's compareTo orders by UTF-16 unit). */
  private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  private ClassificationMetrics() {}

  /** Metrics over the labels that occur in {@code gold} or {@code predicted}, sorted. */
  public static ClassificationReport evaluate(List<String> gold, List<String> predicted) {
    checkPairs(gold, predicted);
    Set<String> labels = new TreeSet<>(CODE_POINT_ORDER);
    labels.addAll(gold);
    labels.addAll(predicted);
    return evaluate(gold, predicted, List.copyOf(labels));
  }

  /**
   * Metrics in the given label order (sklearn's {@code labels=}); the list must contain every label
   * that occurs, and may name classes that never occur (they score 0 and count in the macro average).
   */
  public static ClassificationReport evaluate(List<String> gold, List<String> predicted, List<String> labels) {
    checkPairs(gold, predicted);
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("the label list is empty");
    }
    Map<String, Integer> index = new HashMap<>();
    for (String label : labels) {
      if (label == null || index.putIfAbsent(label, index.size()) != null) {
        throw new IllegalArgumentException("the label list has " + (label == null ? "a null label" : "'" + label + "' twice"));
      }
    }
    int k = labels.size();
    long[][] confusion = new long[k][k];
    long correct = 0;
    for (int s = 0; s < gold.size(); s++) {
      confusion[labelIndex(index, gold.get(s), "gold", s)][labelIndex(index, predicted.get(s), "predicted", s)]++;
      correct += gold.get(s).equals(predicted.get(s)) ? 1 : 0;
    }
    long n = gold.size();

    long[] tp = new long[k];
    long[] trueSum = new long[k];
    long[] predSum = new long[k];
    for (int i = 0; i < k; i++) {
      tp[i] = confusion[i][i];
      for (int j = 0; j < k; j++) {
        trueSum[i] += confusion[i][j];
        predSum[i] += confusion[j][i];
      }
    }

    double[] precision = new double[k];
    double[] recall = new double[k];
    double[] f1 = new double[k];
    List<ClassScores> perClass = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      precision[i] = ratio(tp[i], predSum[i]);
      recall[i] = ratio(tp[i], trueSum[i]);
      f1[i] = f1(tp[i], trueSum[i], predSum[i]);
      perClass.add(new ClassScores(labels.get(i), precision[i], recall[i], f1[i], trueSum[i]));
    }

    long tpAll = sum(tp);
    long predAll = sum(predSum);
    long trueAll = sum(trueSum);
    AveragedScores micro = new AveragedScores(ratio(tpAll, predAll), ratio(tpAll, trueAll), f1(tpAll, trueAll, predAll), trueAll);
    AveragedScores macro = new AveragedScores(mean(precision), mean(recall), mean(f1), trueAll);
    AveragedScores weighted = new AveragedScores(
        weightedMean(precision, trueSum), weightedMean(recall, trueSum), weightedMean(f1, trueSum), trueAll);

    List<List<Long>> counts = new ArrayList<>(k);
    for (long[] row : confusion) {
      List<Long> r = new ArrayList<>(k);
      for (long c : row) {
        r.add(c);
      }
      counts.add(r);
    }
    return new ClassificationReport(labels, n, (double) correct / n, perClass, macro, micro, weighted,
        matthews(confusion, trueSum, predSum), new ConfusionMatrix(labels, counts));
  }

  /**
   * sklearn's {@code matthews_corrcoef}: Gorodkin's R_K from the confusion matrix, which is the
   * usual MCC for two classes. All terms are whole numbers held in doubles, as NumPy holds them.
   */
  private static double matthews(long[][] confusion, long[] trueSum, long[] predSum) {
    int k = trueSum.length;
    double nCorrect = 0;
    double nSamples = 0;
    double truePred = 0;
    double predPred = 0;
    double trueTrue = 0;
    for (int i = 0; i < k; i++) {
      nCorrect += confusion[i][i];
      nSamples += predSum[i];
      truePred += (double) trueSum[i] * predSum[i];
      predPred += (double) predSum[i] * predSum[i];
      trueTrue += (double) trueSum[i] * trueSum[i];
    }
    double covTruePred = nCorrect * nSamples - truePred;
    double covPredPred = nSamples * nSamples - predPred;
    double covTrueTrue = nSamples * nSamples - trueTrue;
    double denominator = covPredPred * covTrueTrue;
    return denominator == 0 ? 0.0 : covTruePred / Math.sqrt(denominator);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }

  /** F1 = 2 tp / (true + predicted), sklearn's form (not 2PR/(P+R), which can differ in the last bit). */
  private static double f1(long tp, long trueCount, long predCount) {
    double denominator = 1.0 * trueCount + predCount;
    return denominator == 0 ? 0.0 : (2.0 * tp) / denominator;
  }

  private static double mean(double[] values) {
    return PairwiseSum.sum(values) / values.length;
  }

  private static double weightedMean(double[] values, long[] weights) {
    double[] products = new double[values.length];
    double[] w = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      w[i] = weights[i];
      products[i] = values[i] * w[i];
    }
    double total = PairwiseSum.sum(w);
    return total == 0 ? 0.0 : PairwiseSum.sum(products) / total;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  private static int labelIndex(Map<String, Integer> index, String label, String side, int sample) {
    Integer i = index.get(label);
    if (i == null) {
      throw new IllegalArgumentException("sample " + (sample + 1) + ": " + side + " label '" + label + "' is not in the label list");
    }
    return i;
  }

  private static void checkPairs(List<String> gold, List<String> predicted) {
    if (gold == null || predicted == null) {
      throw new IllegalArgumentException("gold and predicted labels must not be null");
    }
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("there are " + gold.size() + " gold labels but " + predicted.size() + " predictions");
    }
    if (gold.isEmpty()) {
      throw new IllegalArgumentException("no labels to evaluate");
    }
    for (int s = 0; s < gold.size(); s++) {
      if (gold.get(s) == null) {
        throw new IllegalArgumentException("sample " + (s + 1) + ": gold label is null");
      }
      if (predicted.get(s) == null) {
        throw new IllegalArgumentException("sample " + (s + 1) + ": predicted label is null");
      }
    }
  }
}
