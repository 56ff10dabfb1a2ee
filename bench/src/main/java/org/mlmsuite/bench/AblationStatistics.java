package org.mlmsuite.bench;

import java.util.List;
import java.util.Locale;

/**
 * Seed statistics of a masking ablation: per strategy the mean and sample standard deviation of a
 * score over seeds, and whether a strategy's difference from the reference strategy exceeds the
 * seed spread. Criterion: |mean_a - mean_b| > 2 x pooled SD, with pooled SD =
 * sqrt(((n_a - 1) s_a^2 + (n_b - 1) s_b^2) / (n_a + n_b - 2)). With one seed on either side the
 * spread is unknown and no claim is made.
 */
final class AblationStatistics {
  static final double CRITERION_SDS = 2.0;
  static final String CRITERION = "a difference of means counts as exceeding the seed spread when |mean(A) - mean(B)| "
      + "> 2 x pooled SD, pooled SD = sqrt(((nA-1) sA^2 + (nB-1) sB^2) / (nA + nB - 2)), s the sample standard "
      + "deviation over seeds (n-1 denominator). This is a rough screen, not a significance test: with 3 seeds "
      + "the SD itself is uncertain. With 1 seed the spread is unknown and no difference is called.";

  private AblationStatistics() {}

  /** Mean, sample SD (NaN for fewer than two values) and count of one strategy's scores. */
  record Summary(double mean, double sd, int n) {
    static Summary of(List<Double> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("no scores");
      }
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      if (values.size() < 2) {
        return new Summary(mean, Double.NaN, values.size());
      }
      double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      return new Summary(mean, Math.sqrt(ss / (values.size() - 1)), values.size());
    }
  }

  /** What the comparison says. */
  enum Verdict { EXCEEDS_SPREAD, WITHIN_SPREAD, SPREAD_UNKNOWN }

  /** One strategy against the reference strategy. */
  record Comparison(double difference, double pooledSd, Verdict verdict) {}

  static double pooledSd(Summary a, Summary b) {
    if (a.n() < 2 || b.n() < 2) {
      return Double.NaN;
    }
    return Math.sqrt(((a.n() - 1) * a.sd() * a.sd() + (b.n() - 1) * b.sd() * b.sd()) / (a.n() + b.n() - 2));
  }

  static Comparison compare(Summary a, Summary reference) {
    double diff = a.mean() - reference.mean();
    double pooled = pooledSd(a, reference);
    Verdict v = Double.isNaN(pooled) ? Verdict.SPREAD_UNKNOWN
        : Math.abs(diff) > CRITERION_SDS * pooled ? Verdict.EXCEEDS_SPREAD : Verdict.WITHIN_SPREAD;
    return new Comparison(diff, pooled, v);
  }

  /** A plain sentence for the report, e.g. "span vs random: +0.0120 accuracy, within the seed spread (...)". */
  static String statement(String strategy, String reference, String metric, Comparison c) {
    String diff = String.format(Locale.ROOT, "%+.4f %s", c.difference(), metric);
    return switch (c.verdict()) {
      case SPREAD_UNKNOWN -> String.format(Locale.ROOT,
          "%s vs %s: %s; the seed spread is unknown (one seed), so this difference may be noise.", strategy, reference, diff);
      case EXCEEDS_SPREAD -> String.format(Locale.ROOT,
          "%s vs %s: %s, which exceeds the seed spread (|difference| > 2 x pooled SD = %.4f): %s is %s here.", strategy,
          reference, diff, CRITERION_SDS * c.pooledSd(), strategy, c.difference() > 0 ? "better" : "worse");
      case WITHIN_SPREAD -> String.format(Locale.ROOT,
          "%s vs %s: %s, within the seed spread (2 x pooled SD = %.4f): no difference shown.", strategy, reference, diff,
          CRITERION_SDS * c.pooledSd());
    };
  }
}
