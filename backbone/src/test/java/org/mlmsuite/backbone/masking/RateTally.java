package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/**
 * Sums masked and maskable tokens over many sequences. The number masked per sequence is not
 * binomial: it is the budget round(0.15 n) (at least 1), minus a shortfall when no unmasked unit
 * fits in what is left. So the aggregate rate may differ from 15% by the rounding (at most 0.5
 * token per sequence, or 1 - 0.15 n where "at least one" applies) plus the shortfalls, and by
 * nothing else. That is the tolerance asserted, summed over sequences and divided by all tokens.
 */
final class RateTally {
  private long masked;
  private long maskable;
  private double rounding;
  private long shortfall;

  void add(int maskableTokens, int maskedTokens) {
    int budget = MaskingRates.BERT.budget(maskableTokens);
    assertTrue(maskedTokens <= budget, maskedTokens + " masked over a budget of " + budget);
    // test words have at most 3 pieces, and a shortfall needs every unmasked word to be too long
    assertTrue(budget - maskedTokens <= 2, maskedTokens + " masked under a budget of " + budget);
    masked += maskedTokens;
    maskable += maskableTokens;
    rounding += 0.15 * maskableTokens >= 0.5 ? 0.5 : 1 - 0.15 * maskableTokens;
    shortfall += budget - maskedTokens;
  }

  void assertFifteenPercent(String strategy) {
    double rate = (double) masked / maskable;
    double tolerance = (rounding + shortfall) / maskable;
    System.out.printf(Locale.ROOT, "%s: masked %d of %d tokens = %.4f (tolerance %.4f, shortfall %d tokens)%n",
        strategy, masked, maskable, rate, tolerance, shortfall);
    assertEquals(0.15, rate, tolerance);
  }
}
