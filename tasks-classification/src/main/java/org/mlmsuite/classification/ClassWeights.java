package org.mlmsuite.classification;

/**
 * Per-class loss weights. {@code balanced} is scikit-learn's {@code n_samples / (n_classes *
 * count)}, so every class contributes equally to the loss however rare it is.
 */
public enum ClassWeights {
  NONE,
  BALANCED;

  public static ClassWeights parse(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "none" -> NONE;
      case "balanced" -> BALANCED;
      default -> throw new IllegalArgumentException("--class-weights: expected 'none' or 'balanced', got '" + value + "'");
    };
  }

  /** Weights for label counts {@code counts}; a class with no examples gets weight 0. */
  public float[] weights(long[] counts) {
    float[] w = new float[counts.length];
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    for (int i = 0; i < counts.length; i++) {
      w[i] = this == NONE ? 1f : counts[i] == 0 ? 0f : (float) (total / ((double) counts.length * counts[i]));
    }
    return w;
  }
}
