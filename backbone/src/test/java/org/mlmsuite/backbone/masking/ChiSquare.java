package org.mlmsuite.backbone.masking;

/**
 * Pearson's chi-square goodness-of-fit statistic, and the 0.999 quantiles of the chi-square
 * distribution from standard tables: with a fixed seed each test is deterministic, and a correct
 * implementation would fail it with probability 0.001 for a fresh seed.
 */
final class ChiSquare {
  private ChiSquare() {}

  static double statistic(long[] observed, double[] probabilities) {
    long n = 0;
    for (long o : observed) {
      n += o;
    }
    double chi = 0;
    for (int k = 0; k < observed.length; k++) {
      double expected = n * probabilities[k];
      chi += (observed[k] - expected) * (observed[k] - expected) / expected;
    }
    return chi;
  }

  /** The 0.999 quantile for 1..20 degrees of freedom (index = df). */
  private static final double[] Q999 = {
      Double.NaN, 10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588,
      31.264, 32.909, 34.528, 36.123, 37.697, 39.252, 40.790, 42.312, 43.820, 45.315};

  static double critical999(int degreesOfFreedom) {
    return Q999[degreesOfFreedom];
  }
}
