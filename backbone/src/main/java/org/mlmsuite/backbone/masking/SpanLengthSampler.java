package org.mlmsuite.backbone.masking;

import java.util.SplittableRandom;

/** Draws span lengths in words. */
interface SpanLengthSampler {
  int sample(SplittableRandom random);

  /** Every span is one word (whole-word masking). */
  SpanLengthSampler ONE_WORD = random -> 1;
}
