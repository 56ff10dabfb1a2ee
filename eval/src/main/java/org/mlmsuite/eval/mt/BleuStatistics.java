package org.mlmsuite.eval.mt;

import java.util.ArrayList;
import java.util.List;

/**
 * BLEU's sufficient statistics: hypothesis length, closest reference length, and per n-gram order
 * (index 0 = unigrams) the clipped matches and the hypothesis n-gram totals. Corpus BLEU is
 * computed from the sum of the segments' statistics.
 */
public record BleuStatistics(int sysLen, int refLen, List<Integer> matches, List<Integer> totals) {

  public BleuStatistics {
    matches = List.copyOf(matches);
    totals = List.copyOf(totals);
    if (matches.size() != totals.size() || matches.isEmpty()) {
      throw new IllegalArgumentException("BLEU statistics need as many matches as totals (one per n-gram order), got "
          + matches.size() + " and " + totals.size());
    }
  }

  /** The n-gram order these statistics were counted up to. */
  public int maxNgramOrder() {
    return matches.size();
  }

  /** Element-wise sum, as sacreBLEU aggregates segments into a corpus. */
  public BleuStatistics plus(BleuStatistics other) {
    if (other.maxNgramOrder() != maxNgramOrder()) {
      throw new IllegalArgumentException("cannot add BLEU statistics of orders " + maxNgramOrder() + " and " + other.maxNgramOrder());
    }
    List<Integer> m = new ArrayList<>(maxNgramOrder());
    List<Integer> t = new ArrayList<>(maxNgramOrder());
    for (int n = 0; n < maxNgramOrder(); n++) {
      m.add(matches.get(n) + other.matches.get(n));
      t.add(totals.get(n) + other.totals.get(n));
    }
    return new BleuStatistics(sysLen + other.sysLen, refLen + other.refLen, m, t);
  }
}
