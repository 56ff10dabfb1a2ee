package org.mlmsuite.backbone.train;

/**
 * Linear warmup from 0 to the peak rate over {@code warmupSteps}, then linear decay to 0 at {@code
 * totalSteps}: the schedule of BERT and of Hugging Face's {@code get_linear_schedule_with_warmup}.
 * {@code step} is the number of optimizer updates already applied (0 for the first update), so the
 * first update of a warmed-up run uses rate 0, exactly as both references do.
 */
public record LinearWarmupDecaySchedule(double peakRate, long warmupSteps, long totalSteps) {

  public LinearWarmupDecaySchedule {
    if (peakRate <= 0 || warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException(
          "schedule: need peakRate > 0 and 0 <= warmupSteps <= totalSteps, got " + peakRate + ", "
              + warmupSteps + ", " + totalSteps);
    }
  }

  public double learningRate(long step) {
    if (step < warmupSteps) {
      return peakRate * step / warmupSteps;
    }
    long decaySteps = Math.max(1, totalSteps - warmupSteps);
    return peakRate * Math.max(0.0, (double) (totalSteps - step) / decaySteps);
  }
}
