package org.mlmsuite.eval.mt;

/**
 * chrF's statistics for one n-gram order: n-grams in the hypothesis, in the reference, and matched
 * (clipped). sacreBLEU counts the hypothesis n-grams as 0 when the reference has none of that order.
 */
public record NgramMatches(int hypothesis, int reference, int matched) {
  public NgramMatches plus(NgramMatches o) {
    return new NgramMatches(hypothesis + o.hypothesis, reference + o.reference, matched + o.matched);
  }
}
