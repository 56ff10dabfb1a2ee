package org.mlmsuite.backbone.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Everything besides the TF variables that a resumed run needs to continue exactly: the step, the
 * batch source's position, the seed (dropout seeds are derived from (seed, step, micro-step), so
 * there is no other RNG state), the partial log window, the smoothed loss, elapsed time, and the
 * early-stopping tracker. Saved as {@code trainer-state.json} inside each checkpoint.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainerState(
    long step,
    String dataPosition,
    long seed,
    double elapsedSeconds,
    long unitsSeen,
    double windowLossSum,
    int windowSteps,
    double smoothedLoss,
    EarlyStopping.State earlyStopping,
    Map<String, Double> lastEval) {

  static TrainerState initial(String dataPosition, long seed, EarlyStopping.State es) {
    return new TrainerState(0, dataPosition, seed, 0, 0, 0, 0, Double.NaN, es, Map.of());
  }

  /**
   * After one more optimizer step: the source's new position, the run's elapsed time, the step's
   * units and loss added to the totals and the log window; the smoothed loss is an exponential
   * moving average (weight 0.02 for the new loss), started at the first loss.
   */
  TrainerState afterStep(String newDataPosition, double newElapsedSeconds, long units, double loss) {
    double smoothed = Double.isNaN(smoothedLoss) ? loss : 0.98 * smoothedLoss + 0.02 * loss;
    return new TrainerState(step + 1, newDataPosition, seed, newElapsedSeconds, unitsSeen + units,
        windowLossSum + loss, windowSteps + 1, smoothed, earlyStopping, lastEval);
  }

  /** After a dev evaluation: the early-stopping tracker and the metrics it saw. */
  TrainerState withEvaluation(EarlyStopping.State tracker, Map<String, Double> metrics) {
    return new TrainerState(step, dataPosition, seed, elapsedSeconds, unitsSeen, windowLossSum, windowSteps,
        smoothedLoss, tracker, metrics);
  }

  /** After a log line: the next window starts empty. */
  TrainerState withWindowReset() {
    return new TrainerState(step, dataPosition, seed, elapsedSeconds, unitsSeen, 0, 0, smoothedLoss, earlyStopping,
        lastEval);
  }

  /** The mean loss of the steps since the last log line. */
  double windowMeanLoss() {
    return windowLossSum / windowSteps;
  }
}
