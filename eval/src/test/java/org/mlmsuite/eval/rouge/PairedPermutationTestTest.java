package org.mlmsuite.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedPermutationTestTest {
  @Test
  void fewExamplesCountEverySignFlip() {
    // differences 1, 2, 3, 4: only all-plus and all-minus reach |10|, so p = 2/16
    PairedPermutationTest t = PairedPermutationTest.of(new double[] {1, 2, 3, 4}, new double[] {0, 0, 0, 0});
    assertEquals(new PairedPermutationTest(2.5, 4, 0, 2.0 / 16, 16, true), t);

    // differences 1, 2, 3, -1 sum to 5 of 7: |sum| >= 5 when the flipped magnitudes add up to at most 1 ({}, {1},
    // {1'}) or at least 6 (their complements): 6 of 16
    t = PairedPermutationTest.of(new double[] {1, 2, 3, 0}, new double[] {0, 0, 0, 1});
    assertEquals(0.375, t.pValue(), 1e-15);
    assertEquals(1.25, t.meanDifference(), 1e-15);
    assertEquals(3, t.firstHigher());
    assertEquals(1, t.secondHigher());

    // ROUGE-like fractions: differences 0.3, 0 and 0.3; a tie counts for neither side, and 4 of 8 flips reach 0.6
    t = PairedPermutationTest.of(new double[] {0.5, 0.3, 0.4}, new double[] {0.2, 0.3, 0.1});
    assertEquals(0.5, t.pValue(), 1e-15, "0.1 + 0.2 and 0.3 differ in the last bit; both count as 0.3");
    assertEquals(2, t.firstHigher());
    assertEquals(0, t.secondHigher());
  }

  @Test
  void identicalSystemsAreNeverDifferent() {
    double[] same = new double[500];
    for (int i = 0; i < same.length; i++) {
      same[i] = (i % 7) / 7.0;
    }
    PairedPermutationTest t = PairedPermutationTest.of(same, same.clone());
    assertEquals(1.0, t.pValue());
    assertEquals(0.0, t.meanDifference());
  }

  @Test
  void manyExamplesDrawSeededFlipsThatMatchTheBinomialAnswer() {
    // 40 differences of equal size, 26 positive: the flipped sum is 0.1 (2K - 40) with K ~ Binomial(40, 1/2), so
    // p = P(|2K - 40| >= 12) = 2 P(K <= 14)
    double[] first = new double[40];
    double[] second = new double[40];
    for (int i = 0; i < 40; i++) {
      first[i] = i < 26 ? 0.6 : 0.4;
      second[i] = 0.5;
    }
    double exact = 0;
    for (int k = 0; k <= 14; k++) {
      exact += binomial(40, k) / Math.pow(2, 40);
    }
    exact *= 2;
    PairedPermutationTest t = PairedPermutationTest.of(first, second, 40_000, 1);
    assertFalse(t.exact());
    assertEquals(40_000, t.rounds());
    // the standard error of a share near 0.08 over 40,000 draws is about 0.0014
    assertEquals(exact, t.pValue(), 0.006, "exact " + exact);
    assertEquals(t, PairedPermutationTest.of(first, second, 40_000, 1), "seeded: the same p every time");

    // 40 differences all one way: no random flip reaches them, and p is the floor 1 / (rounds + 1)
    PairedPermutationTest oneWay = PairedPermutationTest.of(first, new double[40], 999, 1);
    assertEquals(1.0 / 1000, oneWay.pValue(), 1e-15);
  }

  @Test
  void unpairedScoresAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairedPermutationTest.of(new double[3], new double[4]));
    assertTrue(e.getMessage().contains("3 and 4 scores"), e.getMessage());
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
