package org.mlmsuite.backbone.ner;

import java.util.Map;

/**
 * CoNLL-style NER scores: an entity counts as found only if start, end and type all match.
 *
 * @param overall counts over all types
 * @param perType counts per entity type, sorted by type name
 * @param sentences sentences evaluated
 */
public record NerScores(Counts overall, Map<String, Counts> perType, int sentences) {

  /** True positives, false positives and false negatives for one type (or all). */
  public record Counts(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
      int gold = truePositives + falseNegatives;
      return gold == 0 ? 0 : (double) truePositives / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Counts plus(Counts o) {
      return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives);
    }
  }
}
