package org.mlmsuite.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps a data interval linearly onto a pixel interval and picks round tick values (1, 2, 5 x 10^k). */
final class LinearScale {
  final double domainMin;
  final double domainMax;
  private final double rangeStart;
  private final double rangeEnd;

  LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd) {
    if (!(domainMax > domainMin)) {
      double pad = domainMin == 0 ? 1 : Math.abs(domainMin) * 0.1;
      domainMin -= pad;
      domainMax += pad;
    }
    this.domainMin = domainMin;
    this.domainMax = domainMax;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
  }

  double map(double v) {
    return rangeStart + (v - domainMin) / (domainMax - domainMin) * (rangeEnd - rangeStart);
  }

  /** A round step giving about {@code count} intervals over the domain. */
  double tickStep(int count) {
    double raw = (domainMax - domainMin) / Math.max(count, 1);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double residual = raw / magnitude;
    double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
    return nice * magnitude;
  }

  /** Round values inside the domain (inclusive, with a little tolerance for rounding). */
  List<Double> ticks(int count) {
    double step = tickStep(count);
    List<Double> ticks = new ArrayList<>();
    double eps = 1e-9;
    long first = (long) Math.ceil(domainMin / step - eps);
    long last = (long) Math.floor(domainMax / step + eps);
    for (long k = first; k <= last; k++) {
      // Round away the binary noise of k * step (0.6000000000000001 -> 0.6).
      ticks.add(Double.parseDouble(String.format(Locale.ROOT, "%.12g", k * step)) + 0.0);
    }
    return ticks;
  }

  /** The smallest round number >= v for an axis ending (v > 0). */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * magnitude >= v - 1e-12) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** A tick label with as many decimals as the step needs; scientific for very small or large values. */
  static String label(double v, double step) {
    double scale = Math.max(Math.abs(v), step);
    if (v != 0 && (scale < 1e-3 || scale >= 1e6)) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
  }
}
