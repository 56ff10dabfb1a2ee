package org.mlmsuite.eval.mt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A BLEU score (0..100) with what it was computed from.
 *
 * @param score BLEU in 0..100
 * @param counts clipped n-gram matches per order (index 0 = unigrams), before any add-k smoothing
 * @param totals hypothesis n-grams per order, before any add-k smoothing
 * @param precisions smoothed n-gram precisions in 0..100 per order (0 for orders not reached)
 * @param bp brevity penalty
 * @param ratio sysLen / refLen (0 when refLen is 0)
 * @param sysLen hypothesis length in tokens
 * @param refLen reference length in tokens (closest reference per segment, ties to the shorter)
 * @param signature sacreBLEU signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}
 */
public record BleuScore(
    double score,
    List<Integer> counts,
    List<Integer> totals,
    List<Double> precisions,
    double bp,
    double ratio,
    int sysLen,
    int refLen,
    String signature) {

  public BleuScore {
    counts = List.copyOf(counts);
    totals = List.copyOf(totals);
    precisions = List.copyOf(precisions);
  }

  /** The statistics behind the score. */
  public BleuStatistics statistics() {
    return new BleuStatistics(sysLen, refLen, counts, totals);
  }

  /**
   * sacreBLEU's text line, e.g. {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944
   * hyp_len = 17 ref_len = 18)}, with {@code width} decimals for the score.
   */
  public String format(int width) {
    String prec = precisions.stream().map(p -> PythonText.fixed(p, 1)).collect(Collectors.joining("/"));
    return "BLEU = " + PythonText.fixed(score, width) + " " + prec
        + " (BP = " + PythonText.fixed(bp, 3) + " ratio = " + PythonText.fixed(ratio, 3)
        + " hyp_len = " + sysLen + " ref_len = " + refLen + ")";
  }
}
