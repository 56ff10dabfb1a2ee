package org.mlmsuite.backbone.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses spans of whole words until the budget is spent (SpanBERT; with one-word spans, BERT's
 * whole-word masking). For each span: draw a length L in words, then pick a start uniformly among
 * the words where L adjacent, still unmasked words fit in the same segment and in the remaining
 * budget. If none does, L shrinks by one word until one fits (so spans are clipped at segment
 * ends and at the budget, as SpanBERT clips at sentence ends); masking stops when not even a
 * single word fits. The start is redrawn rather than the length, so collisions with earlier
 * spans do not bias lengths.
 */
final class WordSpanChooser implements UnitChooser {
  private final SpanLengthSampler lengths;

  WordSpanChooser(SpanLengthSampler lengths) {
    this.lengths = lengths;
  }

  @Override
  public List<TokenSpan> choose(MaskingInput input, boolean[] taken, int budget, SplittableRandom random) {
    Words words = Words.of(input.encoding());
    int w = words.count;
    boolean[] free = new boolean[w];
    for (int k = 0; k < w; k++) {
      free[k] = true;
      for (int i = words.start[k]; i < words.end[k]; i++) {
        free[k] &= !taken[i];
      }
    }
    int[] freeRun = new int[w + 1];
    List<TokenSpan> units = new ArrayList<>();
    int remaining = budget;
    while (remaining > 0) {
      // freeRun[k]: how many free, adjacent words start at word k
      for (int k = w - 1; k >= 0; k--) {
        freeRun[k] = free[k] ? 1 + (words.adjacentToNext[k] ? freeRun[k + 1] : 0) : 0;
      }
      int length = lengths.sample(random);
      int first = pickStart(words, freeRun, length, remaining, random);
      while (first < 0 && length > 1) {
        length--;
        first = pickStart(words, freeRun, length, remaining, random);
      }
      if (first < 0) {
        break;
      }
      TokenSpan span = new TokenSpan(words.start[first], words.end[first + length - 1]);
      for (int k = first; k < first + length; k++) {
        free[k] = false;
      }
      for (int i = span.start(); i < span.end(); i++) {
        taken[i] = true;
      }
      remaining -= span.length();
      units.add(span);
    }
    return units;
  }

  /** A uniformly drawn word where {@code length} free words fit in {@code budget}; -1 if none. */
  private static int pickStart(Words words, int[] freeRun, int length, int budget, SplittableRandom random) {
    int valid = 0;
    for (int k = 0; k < words.count; k++) {
      if (fits(words, freeRun, k, length, budget)) {
        valid++;
      }
    }
    if (valid == 0) {
      return -1;
    }
    int target = random.nextInt(valid);
    for (int k = 0; k < words.count; k++) {
      if (fits(words, freeRun, k, length, budget) && target-- == 0) {
        return k;
      }
    }
    throw new AssertionError("unreachable");
  }

  private static boolean fits(Words words, int[] freeRun, int k, int length, int budget) {
    return freeRun[k] >= length && words.tokens(k, length) <= budget;
  }
}
