package org.mlmsuite.backbone.masking;

import java.util.SplittableRandom;

/**
 * SpanBERT's span lengths: P(len = k) proportional to p (1 - p)^(k - 1) for k = 1..max, i.e. a
 * geometric distribution clipped at max and renormalised (p = 0.2, max = 10 gives mean 3.8).
 */
final class GeometricSpanLength implements SpanLengthSampler {
  private final double[] cumulative;

  GeometricSpanLength(double p, int max) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("geometric p must be in (0, 1], got " + p);
    }
    if (max < 1) {
      throw new IllegalArgumentException("maximum span length must be at least 1, got " + max);
    }
    cumulative = new double[max];
    double sum = 0;
    for (int k = 1; k <= max; k++) {
      sum += p * Math.pow(1 - p, k - 1);
      cumulative[k - 1] = sum;
    }
    for (int k = 0; k < max; k++) {
      cumulative[k] /= sum;
    }
  }

  @Override
  public int sample(SplittableRandom random) {
    double u = random.nextDouble();
    for (int k = 0; k < cumulative.length - 1; k++) {
      if (u < cumulative[k]) {
        return k + 1;
      }
    }
    return cumulative.length;
  }
}
