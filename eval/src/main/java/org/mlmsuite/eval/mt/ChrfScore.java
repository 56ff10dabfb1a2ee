package org.mlmsuite.eval.mt;

import java.util.List;

/**
 * A chrF / chrF++ score (0..100) with its statistics.
 *
 * @param name sacreBLEU's name: {@code chrF2}, {@code chrF2++} ({@code chrF<beta>} plus one '+' per word order)
 * @param score the F-score in 0..100
 * @param statistics per order: character orders 1..charOrder, then word orders 1..wordOrder
 * @param signature sacreBLEU signature, e.g. {@code nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0}
 */
public record ChrfScore(String name, double score, int charOrder, int wordOrder, int beta,
    List<NgramMatches> statistics, String signature) {

  public ChrfScore {
    statistics = List.copyOf(statistics);
  }

  /** sacreBLEU's text line, e.g. {@code chrF2 = 54.23}, with {@code width} decimals. */
  public String format(int width) {
    return name + " = " + PythonText.fixed(score, width);
  }
}
