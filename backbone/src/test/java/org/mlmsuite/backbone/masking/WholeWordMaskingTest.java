package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class WholeWordMaskingTest {
  private final MaskingStrategy wholeWord = new MaskingConfig.WholeWords(null).create(TestEncodings.vocabulary());

  /**
   * Whole words only, never more than the budget, and stopping short only when no unmasked word
   * fits in what is left (words here have at most 3 pieces, so the shortfall is at most 2).
   */
  @Test
  void masksWholeWordsUpToTheBudget() {
    SplittableRandom data = new SplittableRandom(3);
    RateTally tally = new RateTally();
    for (int s = 0; s < 2000; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      MaskedSequence m = wholeWord.mask(MaskingInput.of(e), new SplittableRandom(s), 0);
      MaskingAssertions.assertWellFormed(e, m);
      boolean[] isMasked = maskedFlags(e, m);
      int budget = Math.max(1, (int) Math.round(0.15 * MaskableTokens.count(e)));
      assertTrue(m.maskedCount() <= budget);
      int smallestUnmaskedWord = Integer.MAX_VALUE;
      for (int w = 0; w <= maxWordId(e); w++) {
        int pieces = 0;
        int maskedPieces = 0;
        for (int i = 0; i < e.length(); i++) {
          if (e.wordIds()[i] == w) {
            pieces++;
            maskedPieces += isMasked[i] ? 1 : 0;
          }
        }
        assertTrue(maskedPieces == 0 || maskedPieces == pieces, "word " + w + " partly masked in " + e);
        if (maskedPieces == 0 && pieces > 0) {
          smallestUnmaskedWord = Math.min(smallestUnmaskedWord, pieces);
        }
      }
      assertTrue(budget - m.maskedCount() < smallestUnmaskedWord, "stopped early: " + m);
      tally.add(MaskableTokens.count(e), m.maskedCount());
    }
    tally.assertFifteenPercent("whole-word");
  }

  /** Each word is replaced as a unit: 80% all [MASK], 10% all random, 10% unchanged. */
  @Test
  void replacesWordsEightyTenTen() {
    // two-piece words, so a random replacement equal to the original word has odds 1/995^2
    Encoding e = TestEncodings.encode(0, "a|x b|x c|x d|x e|x f|x g|x h|x i|x j|x");
    long[] counts = new long[3];
    for (int s = 0; s < 20_000; s++) {
      MaskedSequence m = wholeWord.mask(MaskingInput.of(e), new SplittableRandom(s), 0);
      int[] ids = m.inputIds();
      for (int k = 0; k < m.maskedCount(); k += 2) {
        int p = m.maskedPositions()[k];
        assertEquals(p + 1, m.maskedPositions()[k + 1], "both pieces of a word");
        boolean first = ids[p] == TestEncodings.MASK;
        boolean second = ids[p + 1] == TestEncodings.MASK;
        assertEquals(first, second, "word half masked");
        boolean unchanged = ids[p] == e.ids()[p] && ids[p + 1] == e.ids()[p + 1];
        counts[first ? 0 : unchanged ? 2 : 1]++;
      }
    }
    double chi = ChiSquare.statistic(counts, new double[] {0.8, 0.1, 0.1});
    assertTrue(chi < ChiSquare.critical999(2), Arrays.toString(counts));
  }

  static boolean[] maskedFlags(Encoding e, MaskedSequence m) {
    boolean[] flags = new boolean[e.length()];
    for (int p : m.maskedPositions()) {
      flags[p] = true;
    }
    return flags;
  }

  private static int maxWordId(Encoding e) {
    return Arrays.stream(e.wordIds()).max().orElse(-1);
  }
}
