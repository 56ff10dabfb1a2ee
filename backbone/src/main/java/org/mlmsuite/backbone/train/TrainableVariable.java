package org.mlmsuite.backbone.train;

import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A variable the optimizer updates. {@code weightDecay} is false for biases and layer-norm
 * parameters (BERT excludes "bias", "LayerNorm/gamma", "LayerNorm/beta").
 */
public record TrainableVariable(Variable<TFloat32> variable, boolean weightDecay) {

  public static TrainableVariable decayed(Variable<TFloat32> variable) {
    return new TrainableVariable(variable, true);
  }

  public static TrainableVariable notDecayed(Variable<TFloat32> variable) {
    return new TrainableVariable(variable, false);
  }

  /** The graph op name, which is also the checkpoint key. */
  public String name() {
    return variable.op().name();
  }
}
