package org.mlmsuite.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An SVG line chart of one or more series on shared axes. The y axis spans exactly the data range
 * (largest value at the top edge of the plot area, smallest at the bottom), with round ticks inside.
 */
final class LineChart {
  static final double WIDTH = 500;
  static final double HEIGHT = 300;
  static final double LEFT = 70;
  static final double RIGHT = 20;
  static final double TOP = 34;
  static final double BOTTOM = 48;
  private static final int MAX_MARKERS = 60;

  private LineChart() {}

  static String render(String title, String xLabel, String yLabel, List<CurvesSection.Series> series) {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (CurvesSection.Series s : series) {
      for (CurvesSection.Point p : s.points()) {
        xMin = Math.min(xMin, p.x());
        xMax = Math.max(xMax, p.x());
        yMin = Math.min(yMin, p.y());
        yMax = Math.max(yMax, p.y());
      }
    }
    SvgBuilder svg = new SvgBuilder(WIDTH, HEIGHT, "chart line-chart", title);
    svg.text(WIDTH / 2, 20, "middle", "chart-title", title);
    double plotLeft = LEFT;
    double plotRight = WIDTH - RIGHT;
    double plotTop = TOP;
    double plotBottom = HEIGHT - BOTTOM;
    svg.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, "plot-area", null);
    if (xMin > xMax) {
      svg.text(WIDTH / 2, HEIGHT / 2, "middle", "empty", "no data");
      return svg.finish();
    }
    LinearScale x = new LinearScale(xMin, xMax, plotLeft, plotRight);
    LinearScale y = new LinearScale(yMin, yMax, plotBottom, plotTop);

    double yStep = y.tickStep(5);
    for (double t : y.ticks(5)) {
      double py = y.map(t);
      svg.line(plotLeft, py, plotRight, py, "grid");
      svg.line(plotLeft - 5, py, plotLeft, py, "tick");
      svg.text(plotLeft - 8, py + 4, "end", "tick-label", LinearScale.label(t, yStep));
    }
    double xStep = x.tickStep(6);
    for (double t : x.ticks(6)) {
      double px = x.map(t);
      svg.line(px, plotBottom, px, plotBottom + 5, "tick");
      svg.text(px, plotBottom + 18, "middle", "tick-label", LinearScale.label(t, xStep));
    }
    svg.line(plotLeft, plotBottom, plotRight, plotBottom, "axis");
    svg.line(plotLeft, plotTop, plotLeft, plotBottom, "axis");
    svg.text((plotLeft + plotRight) / 2, HEIGHT - 10, "middle", "axis-label", xLabel);
    svg.text(16, (plotTop + plotBottom) / 2, "middle", "axis-label", yLabel, -90);

    for (int i = 0; i < series.size(); i++) {
      CurvesSection.Series s = series.get(i);
      String colour = Palette.colour(i);
      List<double[]> pixels = new ArrayList<>();
      for (CurvesSection.Point p : s.points()) {
        pixels.add(new double[] {x.map(p.x()), y.map(p.y())});
      }
      svg.polyline(pixels, "series", colour, s.name());
      if (s.points().size() <= MAX_MARKERS) {
        for (int k = 0; k < pixels.size(); k++) {
          CurvesSection.Point p = s.points().get(k);
          svg.circle(pixels.get(k)[0], pixels.get(k)[1], 2.5, colour,
              s.name() + " @ " + SvgBuilder.num(p.x()) + ": " + p.y());
        }
      }
    }
    if (series.size() > 1) {
      double lx = plotRight - 130;
      double ly = plotTop + 8;
      svg.rect(lx - 8, ly - 4, 134, 18.0 * series.size() + 4, "legend-box", null);
      for (int i = 0; i < series.size(); i++) {
        svg.rect(lx, ly + 18 * i + 4.5, 20, 3, "legend-swatch", "fill:" + Palette.colour(i));
        svg.text(lx + 26, ly + 18 * i + 10, "start", "legend-label", series.get(i).name());
      }
    }
    return svg.finish();
  }
}
