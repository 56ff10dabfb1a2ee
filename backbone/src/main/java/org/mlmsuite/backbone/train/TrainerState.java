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
}
