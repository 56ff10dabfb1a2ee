package org.mlmsuite.backbone.masking;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one component strategy per sequence with the schedule's weights at the current training
 * progress, then masks with it (the result names the component drawn).
 */
public final class MixtureMasking implements MaskingStrategy {
  private final List<MaskingStrategy> components;
  private final MaskingSchedule schedule;

  public MixtureMasking(List<MaskingStrategy> components, MaskingSchedule schedule) {
    this.components = List.copyOf(components);
    this.schedule = schedule;
    if (components.size() != schedule.components()) {
      throw new IllegalArgumentException("mixture has " + components.size() + " strategies but "
          + schedule.components() + " weights");
    }
  }

  @Override
  public String name() {
    return "mixture";
  }

  @Override
  public MaskedSequence mask(MaskingInput input, SplittableRandom random, double progress) {
    return components.get(draw(random, progress)).mask(input, random, progress);
  }

  private int draw(SplittableRandom random, double progress) {
    double[] weights = schedule.weightsAt(progress);
    double u = random.nextDouble();
    double cumulative = 0;
    for (int k = 0; k < weights.length; k++) {
      cumulative += weights[k];
      if (u < cumulative) {
        return k;
      }
    }
    // rounding left u above the last cumulative sum: take the last component with weight
    for (int k = weights.length - 1; k >= 0; k--) {
      if (weights[k] > 0) {
        return k;
      }
    }
    throw new AssertionError("schedule weights are all zero");
  }
}
