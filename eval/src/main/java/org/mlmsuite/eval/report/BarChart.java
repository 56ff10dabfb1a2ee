package org.mlmsuite.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * Small multiples of bar charts, one panel per metric (metrics rarely share a scale), one bar
 * per system in a consistent colour; baselines are grey and published reference numbers hatched.
 * Confidence intervals, when present, are drawn as whiskers.
 */
final class BarChart {
  static final double PANEL_WIDTH = 260;
  static final double PANEL_HEIGHT = 240;
  private static final double LEFT = 52;
  private static final double RIGHT = 12;
  private static final double TOP = 32;
  private static final double BOTTOM = 18;
  private static final int PANELS_PER_ROW = 4;

  private BarChart() {}

  static String render(MetricsTableSection table) {
    List<String> metrics = table.metrics();
    List<MetricsTableSection.SystemRow> rows = table.rows();
    int columns = Math.min(PANELS_PER_ROW, Math.max(1, metrics.size()));
    int panelRows = (metrics.size() + columns - 1) / columns;
    double legendHeight = 22.0 * ((rows.size() + 2) / 3) + 8;
    double width = columns * PANEL_WIDTH;
    double height = panelRows * PANEL_HEIGHT + legendHeight;
    SvgBuilder svg = new SvgBuilder(width, height, "chart bar-chart", table.title() + ": bar chart");
    for (int m = 0; m < metrics.size(); m++) {
      panel(svg, table, metrics.get(m), (m % columns) * PANEL_WIDTH, (m / columns) * PANEL_HEIGHT);
    }
    double legendTop = panelRows * PANEL_HEIGHT + 6;
    for (int i = 0; i < rows.size(); i++) {
      double lx = 12 + (i % 3) * (width / 3);
      double ly = legendTop + 22.0 * (i / 3);
      svg.rect(lx, ly, 14, 14, "bar " + kindClass(rows.get(i)), "fill:" + fill(i, rows.get(i)));
      svg.text(lx + 20, ly + 11.5, "start", "legend-label", legendText(rows.get(i)));
    }
    return svg.finish();
  }

  private static void panel(SvgBuilder svg, MetricsTableSection table, String metric, double ox, double oy) {
    List<MetricsTableSection.SystemRow> rows = table.rows();
    double max = 0;
    double min = 0;
    for (MetricsTableSection.SystemRow row : rows) {
      Double v = row.values().get(metric);
      if (v != null) {
        MetricsTableSection.Interval ci = row.intervals().get(metric);
        max = Math.max(max, ci == null ? v : Math.max(v, ci.high()));
        min = Math.min(min, ci == null ? v : Math.min(v, ci.low()));
      }
    }
    double top = LinearScale.niceCeiling(max);
    double bottom = min < 0 ? -LinearScale.niceCeiling(-min) : 0;
    double plotLeft = ox + LEFT;
    double plotRight = ox + PANEL_WIDTH - RIGHT;
    double plotTop = oy + TOP;
    double plotBottom = oy + PANEL_HEIGHT - BOTTOM;
    LinearScale y = new LinearScale(bottom, top, plotBottom, plotTop);
    svg.text((plotLeft + plotRight) / 2, oy + 18, "middle", "chart-title", metric);
    double step = y.tickStep(4);
    for (double t : y.ticks(4)) {
      double py = y.map(t);
      svg.line(plotLeft, py, plotRight, py, "grid");
      svg.text(plotLeft - 6, py + 4, "end", "tick-label", LinearScale.label(t, step));
    }
    double zero = y.map(0);
    int n = Math.max(rows.size(), 1);
    double slot = (plotRight - plotLeft) / n;
    double barWidth = Math.min(44, slot * 0.7);
    Double best = table.best(metric);
    for (int i = 0; i < rows.size(); i++) {
      MetricsTableSection.SystemRow row = rows.get(i);
      Double v = row.values().get(metric);
      double cx = plotLeft + slot * (i + 0.5);
      if (v == null) {
        svg.text(cx, zero - 4, "middle", "missing", "n/a");
        continue;
      }
      double py = y.map(v);
      String value = table.format(metric, v);
      svg.rect(cx - barWidth / 2, Math.min(py, zero), barWidth, Math.abs(zero - py), "bar " + kindClass(row),
          "fill:" + fill(i, row), row.name() + ": " + metric + " = " + value);
      MetricsTableSection.Interval ci = row.intervals().get(metric);
      if (ci != null) {
        svg.line(cx, y.map(ci.low()), cx, y.map(ci.high()), "whisker");
        svg.line(cx - 5, y.map(ci.low()), cx + 5, y.map(ci.low()), "whisker");
        svg.line(cx - 5, y.map(ci.high()), cx + 5, y.map(ci.high()), "whisker");
      }
      boolean isBest = best != null && v.doubleValue() == best.doubleValue();
      double labelY = (ci != null ? Math.min(py, y.map(ci.high())) : Math.min(py, zero)) - 5;
      svg.text(cx, labelY, "middle", isBest ? "bar-value best" : "bar-value", value);
    }
    svg.line(plotLeft, zero, plotRight, zero, "axis");
    svg.line(plotLeft, plotTop, plotLeft, plotBottom, "axis");
  }

  private static String kindClass(MetricsTableSection.SystemRow row) {
    return row.kind().name().toLowerCase(Locale.ROOT);
  }

  private static String fill(int index, MetricsTableSection.SystemRow row) {
    return switch (row.kind()) {
      case BASELINE -> "#9e9e9e";
      case REFERENCE -> "url(#hatch)";
      case SYSTEM -> Palette.colour(index);
    };
  }

  private static String legendText(MetricsTableSection.SystemRow row) {
    return switch (row.kind()) {
      case SYSTEM -> row.name();
      case BASELINE -> row.name() + " (baseline)";
      case REFERENCE -> row.name() + " (published)";
    };
  }
}
