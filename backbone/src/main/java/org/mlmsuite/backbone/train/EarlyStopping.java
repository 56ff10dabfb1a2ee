package org.mlmsuite.backbone.train;

import java.util.Objects;

/**
 * Stops training when the dev metric {@code metric} has not improved by more than {@code minDelta}
 * for {@code patience} consecutive evaluations. The trainer keeps the checkpoint of the best
 * evaluation in {@code <output>/best}.
 */
public record EarlyStopping(String metric, boolean higherIsBetter, int patience, double minDelta) {

  public EarlyStopping {
    Objects.requireNonNull(metric, "metric");
    if (patience < 1) {
      throw new IllegalArgumentException("early stopping: 'patience' must be >= 1, got " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("early stopping: 'minDelta' must be >= 0, got " + minDelta);
    }
  }

  public static EarlyStopping maximize(String metric, int patience) {
    return new EarlyStopping(metric, true, patience, 0);
  }

  public static EarlyStopping minimize(String metric, int patience) {
    return new EarlyStopping(metric, false, patience, 0);
  }

  /** What one evaluation means for the run. */
  public enum Decision { IMPROVED, NOT_IMPROVED, STOP }

  /** The tracker's state (saved in checkpoints). {@code best} is NaN before the first evaluation. */
  public record State(double best, long bestStep, int evalsWithoutImprovement) {
    public static State initial() {
      return new State(Double.NaN, -1, 0);
    }
  }

  /** The new state after observing {@code value} at {@code step}. */
  public State observe(State state, long step, double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("early stopping: metric '" + metric + "' is NaN at step " + step);
    }
    boolean improved = Double.isNaN(state.best())
        || (higherIsBetter ? value > state.best() + minDelta : value < state.best() - minDelta);
    return improved
        ? new State(value, step, 0)
        : new State(state.best(), state.bestStep(), state.evalsWithoutImprovement() + 1);
  }

  public Decision decision(State after) {
    if (after.evalsWithoutImprovement() == 0) {
      return Decision.IMPROVED;
    }
    return after.evalsWithoutImprovement() >= patience ? Decision.STOP : Decision.NOT_IMPROVED;
  }
}
