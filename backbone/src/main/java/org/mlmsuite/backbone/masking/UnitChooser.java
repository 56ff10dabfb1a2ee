package org.mlmsuite.backbone.masking;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the units (single tokens, words, spans, entities) to mask. Each unit is replaced as a
 * whole: all [MASK], all random, or all unchanged.
 */
interface UnitChooser {
  /**
   * Chooses disjoint spans of maskable, not yet {@code taken} positions with at most
   * {@code budget} tokens in total, in the order chosen, and marks them in {@code taken}.
   */
  List<TokenSpan> choose(MaskingInput input, boolean[] taken, int budget, SplittableRandom random);
}
