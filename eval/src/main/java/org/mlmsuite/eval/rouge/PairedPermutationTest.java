package org.mlmsuite.eval.rouge;

import java.util.SplittableRandom;

/**
 * Paired permutation test of two systems scored on the same examples (per-document ROUGE F, say):
 * under "equally good", which system produced which of an example's two scores is a coin flip, so
 * each example's difference may have its sign flipped. The two-sided p-value is the share of sign
 * assignments whose mean difference is at least as far from zero as the observed one.
 *
 * <p>With at most {@value #EXACT_MAX_EXAMPLES} examples all 2^n assignments are counted (exact).
 * Beyond that {@code rounds} random assignments are drawn from a seeded generator and the p-value
 * is {@code (hits + 1) / (rounds + 1)}, the observed assignment counted as one of them, so it is
 * never 0 (Phipson and Smyth 2010); the smallest p it can show is {@code 1 / (rounds + 1)}.
 *
 * <p>Like the McNemar test beside classifiers, it asks whether a gap on one test set is more than
 * the luck of which documents are in it; it says nothing about seed-to-seed variance of training.
 *
 * @param meanDifference mean of first minus second over the examples
 * @param firstHigher examples where the first system scores higher
 * @param secondHigher examples where the second scores higher
 * @param pValue two-sided p-value
 * @param rounds sign assignments counted (2^n when exact)
 * @param exact whether every assignment was counted
 */
public record PairedPermutationTest(double meanDifference, int firstHigher, int secondHigher, double pValue,
    long rounds, boolean exact) {
  public static final int EXACT_MAX_EXAMPLES = 20;
  public static final int DEFAULT_ROUNDS = 10_000;
  public static final long DEFAULT_SEED = 20240607L;

  /** The test with {@value #DEFAULT_ROUNDS} seeded rounds when not exact. */
  public static PairedPermutationTest of(double[] first, double[] second) {
    return of(first, second, DEFAULT_ROUNDS, DEFAULT_SEED);
  }

  public static PairedPermutationTest of(double[] first, double[] second, int rounds, long seed) {
    if (first.length != second.length || first.length == 0) {
      throw new IllegalArgumentException("a paired test needs the same examples scored by both systems: "
          + first.length + " and " + second.length + " scores");
    }
    if (rounds <= 0) {
      throw new IllegalArgumentException("rounds must be positive, got " + rounds);
    }
    int n = first.length;
    double[] diff = new double[n];
    int firstHigher = 0;
    int secondHigher = 0;
    double observed = 0;
    for (int i = 0; i < n; i++) {
      diff[i] = first[i] - second[i];
      observed += diff[i];
      firstHigher += diff[i] > 0 ? 1 : 0;
      secondHigher += diff[i] < 0 ? 1 : 0;
    }
    // sums of the same doubles in another order differ in the last bits: an assignment that only
    // reorders the observed one must still count as "as extreme"
    double threshold = Math.abs(observed) - 1e-9 * (1 + sumOfAbs(diff));
    if (n <= EXACT_MAX_EXAMPLES) {
      long all = 1L << n;
      long hits = 0;
      for (long signs = 0; signs < all; signs++) {
        hits += Math.abs(signedSum(diff, signs)) >= threshold ? 1 : 0;
      }
      return new PairedPermutationTest(observed / n, firstHigher, secondHigher, (double) hits / all, all, true);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long hits = 0;
    for (int r = 0; r < rounds; r++) {
      double sum = 0;
      for (double d : diff) {
        sum += random.nextBoolean() ? d : -d;
      }
      hits += Math.abs(sum) >= threshold ? 1 : 0;
    }
    return new PairedPermutationTest(observed / n, firstHigher, secondHigher, (hits + 1.0) / (rounds + 1.0), rounds,
        false);
  }

  /** Sum of {@code diff}, the i-th term negated where bit i of {@code signs} is set. */
  private static double signedSum(double[] diff, long signs) {
    double sum = 0;
    for (int i = 0; i < diff.length; i++) {
      sum += ((signs >>> i) & 1) == 0 ? diff[i] : -diff[i];
    }
    return sum;
  }

  private static double sumOfAbs(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += Math.abs(v);
    }
    return sum;
  }
}
