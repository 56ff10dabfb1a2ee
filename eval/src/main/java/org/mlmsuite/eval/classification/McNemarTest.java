package org.mlmsuite.eval.classification;

import java.util.List;

/**
 * Exact McNemar test of two classifiers scored on the same examples, as statsmodels'
 * {@code mcnemar(table, exact=True)} computes it: only the examples exactly one of the two gets
 * right count, and under "equally good" each of them is a fair coin flip, so the two-sided p-value
 * is {@code min(1, 2 · P(X <= min(b, c)))} for {@code X ~ Binomial(b + c, 1/2)}.
 *
 * <p>It answers whether an accuracy gap on one test set is more than the luck of which examples
 * happened to be in it (one training run each; it says nothing about seed-to-seed variance).
 *
 * @param onlyFirstCorrect examples the first system gets right and the second wrong
 * @param onlySecondCorrect examples the second gets right and the first wrong
 * @param pValue two-sided exact p-value
 */
public record McNemarTest(long onlyFirstCorrect, long onlySecondCorrect, double pValue) {

  /** Compares {@code first} and {@code second} predictions against {@code gold}, example by example. */
  public static McNemarTest of(List<String> gold, List<String> first, List<String> second) {
    if (gold.size() != first.size() || gold.size() != second.size()) {
      throw new IllegalArgumentException("McNemar test needs one prediction per gold label from both systems: "
          + gold.size() + " gold, " + first.size() + " and " + second.size() + " predictions");
    }
    long b = 0;
    long c = 0;
    for (int i = 0; i < gold.size(); i++) {
      boolean firstRight = gold.get(i).equals(first.get(i));
      boolean secondRight = gold.get(i).equals(second.get(i));
      if (firstRight && !secondRight) {
        b++;
      } else if (secondRight && !firstRight) {
        c++;
      }
    }
    return new McNemarTest(b, c, exactTwoSidedP(b, c));
  }

  /** Net examples the first system wins: positive when it is the more accurate one. */
  public long netFirst() {
    return onlyFirstCorrect - onlySecondCorrect;
  }

  /**
   * {@code min(1, 2 · P(X <= k))}, X ~ Binomial(n, 1/2), n = b + c, k = min(b, c). P(X = k) is
   * taken in log space (0.5^n underflows a double beyond n = 1074 discordant examples); the lower
   * terms follow from it by P(X = i - 1) = P(X = i) · i / (n - i + 1).
   */
  static double exactTwoSidedP(long b, long c) {
    long n = b + c;
    long k = Math.min(b, c);
    double logLast = -n * Math.log(2); // log P(X = k), built up from log P(X = 0)
    for (long i = 1; i <= k; i++) {
      logLast += Math.log(n - i + 1) - Math.log(i);
    }
    double relativeSum = 0; // sum of P(X = i) / P(X = k) over i = k .. 0
    double relative = 1;
    for (long i = k; i >= 0; i--) {
      relativeSum += relative;
      relative *= (double) i / (n - i + 1);
    }
    return Math.min(1.0, 2 * Math.exp(logLast + Math.log(relativeSum)));
  }
}
