package org.mlmsuite.backbone.masking;

import java.util.List;

/**
 * Mixture weights as a piecewise-linear function of training progress (0 = start, 1 = end):
 * before the first point the first weights hold, after the last point the last ones, and in
 * between the weights are interpolated linearly. One point means constant weights.
 */
public record MaskingSchedule(List<Point> points) {

  /** The weights (one per mixture component, not necessarily summing to 1) at {@code progress}. */
  public record Point(double progress, List<Double> weights) {
    public Point {
      weights = List.copyOf(weights);
      if (!(progress >= 0 && progress <= 1)) {
        throw new IllegalArgumentException("schedule progress must be in [0, 1], got " + progress);
      }
      double sum = 0;
      for (double w : weights) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("mixture weights must be finite and non-negative, got " + weights);
        }
        sum += w;
      }
      if (sum <= 0) {
        throw new IllegalArgumentException("mixture weights must not all be zero at progress " + progress);
      }
    }
  }

  public MaskingSchedule {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a masking schedule needs at least one point");
    }
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).progress() <= points.get(i - 1).progress()) {
        throw new IllegalArgumentException("schedule points must have increasing progress, got "
            + points.get(i - 1).progress() + " then " + points.get(i).progress());
      }
      if (points.get(i).weights().size() != points.get(0).weights().size()) {
        throw new IllegalArgumentException("every schedule point needs the same number of weights");
      }
    }
  }

  public static MaskingSchedule constant(List<Double> weights) {
    return new MaskingSchedule(List.of(new Point(0, weights)));
  }

  public int components() {
    return points.get(0).weights().size();
  }

  /** Normalised weights (summing to 1) at {@code progress}, clamped to [0, 1]. */
  public double[] weightsAt(double progress) {
    double p = Math.min(1, Math.max(0, progress));
    Point before = points.get(0);
    Point after = before;
    for (Point point : points) {
      if (point.progress() <= p) {
        before = point;
        after = point;
      } else {
        after = point;
        break;
      }
    }
    double t = after == before ? 0 : (p - before.progress()) / (after.progress() - before.progress());
    double[] w = new double[components()];
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      w[k] = (1 - t) * before.weights().get(k) + t * after.weights().get(k);
      sum += w[k];
    }
    for (int k = 0; k < w.length; k++) {
      w[k] /= sum;
    }
    return w;
  }
}
