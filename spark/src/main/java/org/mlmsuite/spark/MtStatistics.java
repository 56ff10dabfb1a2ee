package org.mlmsuite.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.mlmsuite.eval.mt.Bleu;
import org.mlmsuite.eval.mt.BleuOptions;
import org.mlmsuite.eval.mt.BleuStatistics;
import org.mlmsuite.eval.mt.Chrf;
import org.mlmsuite.eval.mt.ChrfOptions;
import org.mlmsuite.eval.mt.NgramMatches;

/**
 * BLEU's and chrF's sufficient statistics summed over the segments of a partition, then over the
 * partitions: whole numbers, so the sum is the same in any order, and eval's {@code
 * fromStatistics} turns the total into the single-machine corpus scores. Held in longs, checked
 * back into eval's ints at the end.
 */
final class MtStatistics implements Serializable {
  static final BleuOptions BLEU = BleuOptions.corpusDefaults();
  static final ChrfOptions CHRF = ChrfOptions.chrf();

  long segments;
  long missing;
  long hypothesisLength;
  long referenceLength;
  /** BLEU [order]: matched n-grams and hypothesis n-grams. */
  final long[] bleuMatches = new long[BLEU.maxNgramOrder()];
  final long[] bleuTotals = new long[BLEU.maxNgramOrder()];
  /** chrF [order][hypothesis, reference, matched]: character orders, then word orders. */
  final long[][] chrf = new long[CHRF.charOrder() + CHRF.wordOrder()][3];

  /** The statistics of rows (hypothesis, reference); a null on either side counts as missing. */
  static Iterator<MtStatistics> ofPartition(Iterator<Row> rows) {
    MtStatistics total = new MtStatistics();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.isNullAt(0) || row.isNullAt(1)) {
        total.missing++;
      } else {
        total.add(row.getString(0), row.getString(1));
      }
    }
    return List.of(total).iterator();
  }

  private void add(String hypothesis, String reference) {
    segments++;
    BleuStatistics b = Bleu.segmentStatistics(hypothesis, List.of(reference), BLEU);
    hypothesisLength += b.sysLen();
    referenceLength += b.refLen();
    for (int n = 0; n < bleuMatches.length; n++) {
      bleuMatches[n] += b.matches().get(n);
      bleuTotals[n] += b.totals().get(n);
    }
    List<NgramMatches> c = Chrf.segmentStatistics(hypothesis, List.of(reference), CHRF);
    for (int k = 0; k < chrf.length; k++) {
      chrf[k][0] += c.get(k).hypothesis();
      chrf[k][1] += c.get(k).reference();
      chrf[k][2] += c.get(k).matched();
    }
  }

  MtStatistics plus(MtStatistics other) {
    MtStatistics sum = new MtStatistics();
    sum.segments = segments + other.segments;
    sum.missing = missing + other.missing;
    sum.hypothesisLength = hypothesisLength + other.hypothesisLength;
    sum.referenceLength = referenceLength + other.referenceLength;
    for (int n = 0; n < bleuMatches.length; n++) {
      sum.bleuMatches[n] = bleuMatches[n] + other.bleuMatches[n];
      sum.bleuTotals[n] = bleuTotals[n] + other.bleuTotals[n];
    }
    for (int k = 0; k < chrf.length; k++) {
      for (int s = 0; s < 3; s++) {
        sum.chrf[k][s] = chrf[k][s] + other.chrf[k][s];
      }
    }
    return sum;
  }

  /** The corpus scores, exactly as eval computes them from its own summed statistics ("1" reference). */
  TranslationScores scores() {
    List<Integer> matches = new ArrayList<>();
    List<Integer> totals = new ArrayList<>();
    for (int n = 0; n < bleuMatches.length; n++) {
      matches.add(Math.toIntExact(bleuMatches[n]));
      totals.add(Math.toIntExact(bleuTotals[n]));
    }
    BleuStatistics bleu = new BleuStatistics(Math.toIntExact(hypothesisLength), Math.toIntExact(referenceLength),
        matches, totals);
    List<NgramMatches> chrfTotal = new ArrayList<>();
    for (long[] order : chrf) {
      chrfTotal.add(new NgramMatches(Math.toIntExact(order[0]), Math.toIntExact(order[1]), Math.toIntExact(order[2])));
    }
    return new TranslationScores(segments, Bleu.fromStatistics(bleu, BLEU, "1"), Chrf.fromStatistics(chrfTotal, CHRF, "1"));
  }
}
