package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class SpanMaskingTest {
  private static final MaskingVocabulary VOCAB = TestEncodings.vocabulary();

  /** SpanBERT's clipped geometric: P(k) = p (1-p)^(k-1) / (1 - (1-p)^10), mean 3.8 for p = 0.2. */
  private static double[] clippedGeometric(double p, int max) {
    double[] probs = new double[max];
    double norm = 1 - Math.pow(1 - p, max);
    for (int k = 1; k <= max; k++) {
      probs[k - 1] = p * Math.pow(1 - p, k - 1) / norm;
    }
    return probs;
  }

  @Test
  void clippedGeometricHasSpanBertsMean() {
    double mean = 0;
    double[] probs = clippedGeometric(0.2, 10);
    for (int k = 1; k <= 10; k++) {
      mean += k * probs[k - 1];
    }
    assertEquals(3.8, mean, 0.05); // SpanBERT paper, section 3.1: "mean span length 3.8"
  }

  @Test
  void sampledLengthsFollowTheClippedGeometric() {
    GeometricSpanLength lengths = new GeometricSpanLength(0.2, 10);
    SplittableRandom random = new SplittableRandom(4);
    long[] counts = new long[10];
    for (int i = 0; i < 100_000; i++) {
      counts[lengths.sample(random) - 1]++;
    }
    double chi = ChiSquare.statistic(counts, clippedGeometric(0.2, 10));
    assertTrue(chi < ChiSquare.critical999(9), "chi-square " + chi + " for " + Arrays.toString(counts));
  }

  /**
   * Realised spans in long sequences of one-piece words: only the last span of a sequence can be
   * clipped (by the budget), so it is left out; starts are redrawn on collision, not lengths, so
   * the others keep the geometric law.
   */
  @Test
  void realisedSpanLengthsFollowTheClippedGeometric() {
    StringBuilder words = new StringBuilder("w0");
    for (int w = 1; w < 10_000; w++) {
      words.append(" w").append(w % 700);
    }
    Encoding e = TestEncodings.encode(0, words.toString());
    UnitMasking span = (UnitMasking) new MaskingConfig.Spans(null, 0, 0).create(VOCAB);
    long[] counts = new long[10];
    for (int s = 0; s < 8; s++) {
      List<TokenSpan> units = span.chooseUnits(MaskingInput.of(e), 1500, new SplittableRandom(s));
      assertEquals(1500, units.stream().mapToInt(TokenSpan::length).sum());
      for (TokenSpan u : units.subList(0, units.size() - 1)) {
        counts[u.length() - 1]++;
      }
    }
    double chi = ChiSquare.statistic(counts, clippedGeometric(0.2, 10));
    assertTrue(chi < ChiSquare.critical999(9), "chi-square " + chi + " for " + Arrays.toString(counts));
  }

  @Test
  void spansAreWholeWordsInsideOneSegmentAndNeverTouchSpecialTokens() {
    UnitMasking span = (UnitMasking) new MaskingConfig.Spans(null, 0, 0).create(VOCAB);
    SplittableRandom data = new SplittableRandom(5);
    RateTally tally = new RateTally();
    for (int s = 0; s < 2000; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      int budget = MaskingRates.BERT.budget(MaskableTokens.count(e));
      List<TokenSpan> units = span.chooseUnits(MaskingInput.of(e), budget, new SplittableRandom(s));
      int total = 0;
      for (TokenSpan u : units) {
        assertTrue(u.length() <= 10 * 3, "at most 10 words of at most 3 pieces");
        for (int i = u.start(); i < u.end(); i++) {
          assertTrue(!e.specialMask()[i] && e.attentionMask()[i] == 1, "span " + u + " touches " + e.tokens()[i]);
          assertEquals(e.typeIds()[u.start()], e.typeIds()[i], "span crosses segments");
        }
        assertTrue(u.start() == 0 || e.wordIds()[u.start() - 1] != e.wordIds()[u.start()], "starts mid-word");
        assertTrue(u.end() == e.length() || e.wordIds()[u.end()] != e.wordIds()[u.end() - 1], "ends mid-word");
        total += u.length();
      }
      assertTrue(total <= budget);
      MaskedSequence m = span.mask(MaskingInput.of(e), new SplittableRandom(s), 0);
      MaskingAssertions.assertWellFormed(e, m);
      tally.add(MaskableTokens.count(e), m.maskedCount());
    }
    tally.assertFifteenPercent("span");
  }

  @Test
  void spanIsReplacedAsAUnit() {
    // a 50% rate gives budget 10 of 20 words, so spans of several words are common; the same
    // seed replays the units mask() chose
    MaskingStrategy span = new MaskingConfig.Spans(new MaskingRates(0.5, 0.8, 0.1, 0), 0.2, 10).create(VOCAB);
    Encoding e = TestEncodings.encode(0, "a b c d e f g h i j k l m n o p q r s t");
    int mixed = 0;
    for (int s = 0; s < 2000; s++) {
      MaskedSequence m = span.mask(MaskingInput.of(e), new SplittableRandom(s), 0);
      UnitMasking unitMasking = (UnitMasking) span;
      for (TokenSpan u : unitMasking.chooseUnits(MaskingInput.of(e), 10, new SplittableRandom(s))) {
        int masks = 0;
        for (int i = u.start(); i < u.end(); i++) {
          masks += m.inputIds()[i] == TestEncodings.MASK ? 1 : 0;
        }
        mixed += masks != 0 && masks != u.length() ? 1 : 0;
      }
    }
    assertEquals(0, mixed, "spans with some but not all tokens [MASK]");
  }
}
