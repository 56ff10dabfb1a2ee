package org.mlmsuite.backbone.masking;

import java.util.SplittableRandom;

/**
 * Dynamic masking (RoBERTa): a fresh mask for every sequence in every epoch, reproducible from
 * (global seed, epoch, sequence index) alone. The same sequence in the same epoch gets the same
 * mask whichever thread masks it and in whatever order, so training resumed from a checkpoint
 * sees exactly the masks it would have seen. Thread-safe.
 */
public final class DynamicMasker {
  private final MaskingStrategy strategy;
  private final long seed;

  public DynamicMasker(MaskingStrategy strategy, long seed) {
    this.strategy = strategy;
    this.seed = seed;
  }

  /**
   * @param sequenceIndex the sequence's stable index in the corpus (not its position in a shuffle)
   * @param progress training progress in [0, 1] for scheduled mixtures; derive it from the step,
   *     not from wall time, so that it is reproducible too
   */
  public MaskedSequence mask(MaskingInput input, long epoch, long sequenceIndex, double progress) {
    return strategy.mask(input, randomFor(seed, epoch, sequenceIndex), progress);
  }

  public MaskingStrategy strategy() {
    return strategy;
  }

  /** An independent generator per (seed, epoch, index): each key is mixed by SplitMix64's finaliser. */
  static SplittableRandom randomFor(long seed, long epoch, long sequenceIndex) {
    long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
    h = mix64(h + epoch);
    h = mix64(h + sequenceIndex);
    return new SplittableRandom(h);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
