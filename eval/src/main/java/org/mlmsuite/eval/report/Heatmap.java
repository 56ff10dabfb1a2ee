package org.mlmsuite.eval.report;

import java.util.List;

/**
 * A confusion-matrix heat map: rows are true labels, columns predicted labels, each cell shaded
 * by its share of the row (the recall of that row's class lies on the diagonal) and labelled with
 * its count.
 */
final class Heatmap {
  private static final double LEFT_MIN = 90;
  private static final double TOP = 40;
  private static final double BOTTOM_MIN = 70;

  private Heatmap() {}

  static double cellSize(int n) {
    return Math.max(18, Math.min(56, 520.0 / Math.max(n, 1)));
  }

  static String render(ConfusionMatrixSection cm) {
    List<String> labels = cm.labels();
    int n = labels.size();
    double cell = cellSize(n);
    int longest = labels.stream().mapToInt(String::length).max().orElse(1);
    double left = Math.max(LEFT_MIN, 7.0 * Math.min(longest, 24) + 40);
    double bottom = Math.max(BOTTOM_MIN, 5.0 * Math.min(longest, 24) + 50);
    double width = Math.max(left + n * cell + 20, 340);
    double height = TOP + n * cell + bottom;
    SvgBuilder svg = new SvgBuilder(width, height, "chart heatmap", cm.title() + ": confusion matrix");
    svg.text(width / 2, 22, "middle", "chart-title", "Confusion matrix (shading: share of true class)");
    boolean showCounts = cell >= 26;
    for (int t = 0; t < n; t++) {
      long rowTotal = cm.rowTotal(t);
      for (int p = 0; p < n; p++) {
        long count = cm.counts()[t][p];
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        double x = left + p * cell;
        double y = TOP + t * cell;
        svg.rect(x, y, cell, cell, "cell", "fill:" + Palette.sequential(share),
            "true " + labels.get(t) + ", predicted " + labels.get(p) + ": " + count
                + String.format(java.util.Locale.ROOT, " (%.1f%% of row)", 100 * share));
        if (showCounts) {
          svg.text(x + cell / 2, y + cell / 2 + 4, "middle", share > 0.5 ? "cell-label dark" : "cell-label",
              Long.toString(count));
        }
      }
      svg.text(left - 8, TOP + t * cell + cell / 2 + 4, "end", "tick-label", shorten(labels.get(t)));
    }
    for (int p = 0; p < n; p++) {
      double x = left + p * cell + cell / 2;
      svg.text(x + 4, TOP + n * cell + 10, "end", "tick-label", shorten(labels.get(p)), -45);
    }
    svg.rect(left, TOP, n * cell, n * cell, "plot-area frame", "fill:none");
    svg.text(left + n * cell / 2, height - 8, "middle", "axis-label", "predicted label");
    svg.text(14, TOP + n * cell / 2, "middle", "axis-label", "true label", -90);
    return svg.finish();
  }

  private static String shorten(String label) {
    return label.length() <= 24 ? label : label.substring(0, 23) + "…";
  }
}
