package org.mlmsuite.classification;

import java.util.Map;

/**
 * A classifier's answer for one input: the most probable label and the probability of every
 * label, in the model's label order (iteration order of the map).
 */
public record Prediction(String label, Map<String, Double> probabilities) {
  public Prediction {
    probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
  }

  /** Probability of the predicted label. */
  public double confidence() {
    return probabilities.get(label);
  }
}
