package org.mlmsuite.eval.rouge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals on corpus means, the method of rouge-score's
 * {@code scoring.BootstrapAggregator}: draw {@code nSamples} resamples of the examples with
 * replacement, take each resample's mean precision, recall and F, and report the
 * ((1-c)/2, 0.5, 1-(1-c)/2) percentiles of those means with numpy's default linear interpolation.
 *
 * <p>The resampling is seeded so runs are reproducible. The exact interval ends cannot equal
 * numpy's for the same seed (a different random generator draws the resamples); they agree with
 * them up to bootstrap noise, and the method is the same.
 */
public final class BootstrapAggregator {
  public static final double DEFAULT_CONFIDENCE = 0.95;
  public static final int DEFAULT_SAMPLES = 1000;
  public static final long DEFAULT_SEED = 20240607L;

  private final double confidence;
  private final int nSamples;
  private final long seed;
  private final Map<RougeType, List<Score>> scores = new LinkedHashMap<>();

  public BootstrapAggregator() {
    this(DEFAULT_CONFIDENCE, DEFAULT_SAMPLES, DEFAULT_SEED);
  }

  public BootstrapAggregator(double confidence, int nSamples, long seed) {
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    if (nSamples <= 0) {
      throw new IllegalArgumentException("bootstrap samples must be positive, got " + nSamples);
    }
    this.confidence = confidence;
    this.nSamples = nSamples;
    this.seed = seed;
  }

  public void add(Map<RougeType, Score> example) {
    example.forEach((type, score) -> scores.computeIfAbsent(type, t -> new ArrayList<>()).add(score));
  }

  public Map<RougeType, RougeAggregate> aggregate() {
    Map<RougeType, RougeAggregate> result = new LinkedHashMap<>();
    for (Map.Entry<RougeType, List<Score>> e : scores.entrySet()) {
      result.put(e.getKey(), aggregate(e.getValue()));
    }
    return result;
  }

  private RougeAggregate aggregate(List<Score> examples) {
    int n = examples.size();
    double[][] values = new double[3][n]; // (measure: P, R, F; example)
    for (int i = 0; i < n; i++) {
      values[0][i] = examples.get(i).precision();
      values[1][i] = examples.get(i).recall();
      values[2][i] = examples.get(i).fmeasure();
    }
    double[][] sampleMeans = new double[3][nSamples]; // (measure, bootstrap sample)
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < nSamples; s++) {
      double[] sum = new double[3];
      for (int k = 0; k < n; k++) {
        int pick = random.nextInt(n);
        sum[0] += values[0][pick];
        sum[1] += values[1][pick];
        sum[2] += values[2][pick];
      }
      for (int m = 0; m < 3; m++) {
        sampleMeans[m][s] = sum[m] / n;
      }
    }
    double delta = (1 - confidence) / 2;
    double[] q = {delta, 0.5, 1 - delta};
    double[][] bounds = new double[3][3]; // (bound: low, mid, high; measure)
    for (int m = 0; m < 3; m++) {
      Arrays.sort(sampleMeans[m]);
      for (int b = 0; b < 3; b++) {
        bounds[b][m] = percentile(sampleMeans[m], q[b]);
      }
    }
    Score mean = new Score(mean(values[0]), mean(values[1]), mean(values[2]));
    return new RougeAggregate(
        new Score(bounds[0][0], bounds[0][1], bounds[0][2]),
        new Score(bounds[1][0], bounds[1][1], bounds[1][2]),
        new Score(bounds[2][0], bounds[2][1], bounds[2][2]),
        mean,
        n);
  }

  /** numpy.percentile's default ("linear"): interpolate between the two nearest order statistics. */
  static double percentile(double[] sorted, double fraction) {
    double h = (sorted.length - 1) * fraction;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }
}
