package org.mlmsuite.backbone.masking;

import java.util.SplittableRandom;

/**
 * Chooses which tokens of a sequence the model must predict and corrupts them. Implementations
 * are stateless and thread-safe; all randomness comes from the given generator, so a generator
 * seeded per (epoch, sequence) gives reproducible masks (see {@link DynamicMasker}).
 */
public interface MaskingStrategy {
  /**
   * @param progress training progress in [0, 1]; only schedules ({@link MixtureMasking}) use it
   */
  MaskedSequence mask(MaskingInput input, SplittableRandom random, double progress);

  /** The name used in configs and statistics, e.g. {@code span}. */
  String name();
}
