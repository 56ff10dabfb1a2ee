package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class RandomTokenMaskingTest {
  private final MaskingStrategy random = new MaskingConfig.RandomTokens(null).create(TestEncodings.vocabulary());

  @Test
  void budgetIsRoundedFifteenPercentAtLeastOneAndCapped() {
    MaskingRates bert = MaskingRates.BERT;
    assertEquals(0, bert.budget(0));
    assertEquals(1, bert.budget(1)); // 0.15 rounds to 0, but at least one
    assertEquals(1, bert.budget(9)); // 1.35
    assertEquals(2, bert.budget(10)); // 1.5 rounds up
    assertEquals(15, bert.budget(100));
    assertEquals(77, bert.budget(510)); // 76.5
    assertEquals(20, new MaskingRates(0.15, 0.8, 0.1, 20).budget(510));
  }

  /** Random token masking always fills its budget, so only rounding separates it from 15%. */
  @Test
  void masksFifteenPercentOfMaskableTokensUpToRounding() {
    SplittableRandom data = new SplittableRandom(1);
    RateTally tally = new RateTally();
    int sequences = 2000;
    for (int s = 0; s < sequences; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      int n = MaskableTokens.count(e);
      MaskedSequence m = random.mask(MaskingInput.of(e), new SplittableRandom(s), 0);
      MaskingAssertions.assertWellFormed(e, m);
      // rounding moves at most 0.5 tokens, except where "at least one" lifts a count below 0.5
      double bound = 0.15 * n >= 0.5 ? 0.5 : 1 - 0.15 * n;
      assertTrue(Math.abs(m.maskedCount() - 0.15 * n) <= bound, m.maskedCount() + " of " + n);
      tally.add(n, m.maskedCount());
    }
    tally.assertFifteenPercent("random");
  }

  @Test
  void everyMaskablePositionIsEquallyLikely() {
    Encoding e = TestEncodings.encode(30, "a b c d e f g h i j k l m n o p q r s t");
    long[] counts = new long[20];
    for (int s = 0; s < 20_000; s++) {
      for (int p : random.mask(MaskingInput.of(e), new SplittableRandom(s), 0).maskedPositions()) {
        counts[p - 1]++; // positions 1..20 are the words
      }
    }
    double[] uniform = new double[20];
    java.util.Arrays.fill(uniform, 1.0 / 20);
    // sampling without replacement makes counts less variable than multinomial: conservative
    assertTrue(ChiSquare.statistic(counts, uniform) < ChiSquare.critical999(19));
  }

  /**
   * 80% [MASK], 10% random, 10% unchanged. A random draw equals the original with probability
   * 1/995 (995 ordinary ids), which moves 0.1/995 from "random" to "unchanged".
   */
  @Test
  void replacesEightyTenTen() {
    SplittableRandom data = new SplittableRandom(2);
    long[] counts = new long[3]; // [MASK], other token, unchanged
    for (int s = 0; s < 3000; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      MaskedSequence m = random.mask(MaskingInput.of(e), new SplittableRandom(1000 + s), 0);
      for (int k = 0; k < m.maskedCount(); k++) {
        int now = m.inputIds()[m.maskedPositions()[k]];
        counts[now == TestEncodings.MASK ? 0 : now != m.maskedLabelIds()[k] ? 1 : 2]++;
      }
    }
    double same = 0.1 / (TestEncodings.VOCAB_SIZE - 5);
    double chi = ChiSquare.statistic(counts, new double[] {0.8, 0.1 - same, 0.1 + same});
    assertTrue(chi < ChiSquare.critical999(2), "chi-square " + chi + " for counts " + java.util.Arrays.toString(counts));
  }

  @Test
  void sequenceWithoutMaskableTokensIsLeftAlone() {
    Encoding onlySpecials = new Encoding(new int[] {TestEncodings.CLS, TestEncodings.SEP},
        new String[] {"[CLS]", "[SEP]"}, new int[2], new int[] {-1, -1}, new int[] {-1, -1},
        new int[] {-1, -1}, new boolean[] {true, true}, new int[] {1, 1});
    MaskedSequence m = random.mask(MaskingInput.of(onlySpecials), new SplittableRandom(0), 0);
    assertEquals(0, m.maskedCount());
  }
}
