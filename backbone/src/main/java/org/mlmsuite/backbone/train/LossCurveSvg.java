package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG line chart of training loss per step, with evaluation points of one metric as
 * dots on a second (right) axis. Long runs are thinned to at most {@link #MAX_POINTS} points.
 */
public final class LossCurveSvg {
  public static final String FILE_NAME = "loss-curve.svg";
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int LEFT = 60;
  static final int RIGHT = 60;
  static final int TOP = 20;
  static final int BOTTOM = 40;
  static final int MAX_POINTS = 1000;

  /** A point of a curve. */
  public record Point(double step, double value) {}

  private LossCurveSvg() {}

  public static String render(List<Point> loss, String evalMetric, List<Point> eval) {
    List<Point> train = thin(finite(loss));
    List<Point> dev = finite(eval);
    double maxStep = 1;
    for (Point p : train) {
      maxStep = Math.max(maxStep, p.step());
    }
    for (Point p : dev) {
      maxStep = Math.max(maxStep, p.step());
    }
    double[] lossRange = range(train);
    double[] evalRange = range(dev);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    int plotRight = WIDTH - RIGHT;
    int plotBottom = HEIGHT - BOTTOM;
    svg.append(String.format(Locale.ROOT,
        "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"black\"/>%n", LEFT, TOP, plotBottom, plotRight));
    svg.append(text(LEFT - 4, TOP + 4, "end", fmt(lossRange[1]), "#1f77b4"));
    svg.append(text(LEFT - 4, plotBottom, "end", fmt(lossRange[0]), "#1f77b4"));
    svg.append(text(LEFT, plotBottom + 16, "middle", "0", "black"));
    svg.append(text(plotRight, plotBottom + 16, "middle", fmt(maxStep), "black"));
    svg.append(text((LEFT + plotRight) / 2, HEIGHT - 6, "middle", "step", "black"));
    svg.append(text(LEFT, TOP - 6, "start", "training loss", "#1f77b4"));
    if (!train.isEmpty()) {
      svg.append("<polyline id=\"loss\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"");
      for (Point p : train) {
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.step(), maxStep), y(p.value(), lossRange)));
      }
      svg.append("\"/>\n");
    }
    if (!dev.isEmpty()) {
      svg.append(text(plotRight, TOP - 6, "end", "dev " + escape(evalMetric), "#d62728"));
      svg.append(text(plotRight + 4, TOP + 4, "start", fmt(evalRange[1]), "#d62728"));
      svg.append(text(plotRight + 4, plotBottom, "start", fmt(evalRange[0]), "#d62728"));
      svg.append("<g id=\"eval\" fill=\"#d62728\">\n");
      for (Point p : dev) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>%n",
            x(p.step(), maxStep), y(p.value(), evalRange)));
      }
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  static double x(double step, double maxStep) {
    return LEFT + (WIDTH - LEFT - RIGHT) * step / maxStep;
  }

  static double y(double value, double[] range) {
    double span = range[1] - range[0];
    double frac = span > 0 ? (value - range[0]) / span : 0.5;
    return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * frac;
  }

  private static double[] range(List<Point> pts) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Point p : pts) {
      lo = Math.min(lo, p.value());
      hi = Math.max(hi, p.value());
    }
    return pts.isEmpty() ? new double[] {0, 1} : new double[] {lo, hi};
  }

  private static List<Point> finite(List<Point> pts) {
    List<Point> out = new ArrayList<>();
    for (Point p : pts) {
      if (Double.isFinite(p.value())) {
        out.add(p);
      }
    }
    return out;
  }

  /** Keeps every k-th point and the last, at most MAX_POINTS in all. */
  private static List<Point> thin(List<Point> pts) {
    if (pts.size() <= MAX_POINTS) {
      return pts;
    }
    int k = (pts.size() - 1 + MAX_POINTS - 2) / (MAX_POINTS - 1);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i += k) {
      out.add(pts.get(i));
    }
    if (!out.get(out.size() - 1).equals(pts.get(pts.size() - 1))) {
      out.add(pts.get(pts.size() - 1));
    }
    return out;
  }

  private static String text(int x, int y, String anchor, String s, String color) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
        x, y, anchor, color, s);
  }

  private static String fmt(double v) {
    return escape(String.format(Locale.ROOT, "%.4g", v));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
