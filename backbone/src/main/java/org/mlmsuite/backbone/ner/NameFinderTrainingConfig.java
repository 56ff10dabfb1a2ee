package org.mlmsuite.backbone.ner;

/**
 * How to train OpenNLP's maxent name finder.
 *
 * @param iterations maxent (GIS) iterations; OpenNLP's default is 100
 * @param cutoff features seen fewer times than this are dropped; OpenNLP's default is 5
 * @param threads trainer threads
 */
public record NameFinderTrainingConfig(int iterations, int cutoff, int threads) {
  public static final NameFinderTrainingConfig DEFAULT = new NameFinderTrainingConfig(100, 5, 2);

  public NameFinderTrainingConfig {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
    if (cutoff < 0) {
      throw new IllegalArgumentException("cutoff must not be negative, got " + cutoff);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }
}
