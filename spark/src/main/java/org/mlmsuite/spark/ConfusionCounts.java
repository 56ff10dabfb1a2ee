package org.mlmsuite.spark;

import java.util.AbstractList;
import java.util.List;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;

/**
 * A confusion matrix summed over a cluster (rows gold, columns predicted, in the model's label
 * order), scored by eval's {@link ClassificationMetrics} exactly as the single-machine evaluation
 * scores its lists: the metrics depend on the (gold, predicted) pairs only through these counts,
 * so the pairs are replayed from the matrix as two virtual lists (no per-row memory).
 */
record ConfusionCounts(List<String> labels, long[][] counts) {
  ClassificationReport report() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    if (total == 0) {
      throw new IllegalArgumentException("no rows to evaluate");
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(total + " rows: more than eval's list-based metrics can index");
    }
    int k = labels.size();
    long[] cellEnds = new long[k * k]; // samples up to and including cell g*k+p, row-major
    long running = 0;
    for (int cell = 0; cell < k * k; cell++) {
      running += counts[cell / k][cell % k];
      cellEnds[cell] = running;
    }
    int n = (int) total;
    return ClassificationMetrics.evaluate(new Replayed(n, cellEnds, true), new Replayed(n, cellEnds, false), labels);
  }

  /** Sample i's gold (or predicted) label, in sample order: cell (0,0) repeated, then (0,1), ... */
  private final class Replayed extends AbstractList<String> {
    private final int size;
    private final long[] cellEnds;
    private final boolean gold;

    Replayed(int size, long[] cellEnds, boolean gold) {
      this.size = size;
      this.cellEnds = cellEnds;
      this.gold = gold;
    }

    @Override
    public String get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      // the first cell whose end is past index
      int found = java.util.Arrays.binarySearch(cellEnds, index + 1L);
      int cell = found >= 0 ? firstWithEnd(found) : -found - 1;
      int k = labels.size();
      return labels.get(gold ? cell / k : cell % k);
    }

    /** Empty cells repeat the previous end: step back to the first cell with this end. */
    private int firstWithEnd(int cell) {
      while (cell > 0 && cellEnds[cell - 1] == cellEnds[cell]) {
        cell--;
      }
      return cell;
    }

    @Override
    public int size() {
      return size;
    }
  }
}
