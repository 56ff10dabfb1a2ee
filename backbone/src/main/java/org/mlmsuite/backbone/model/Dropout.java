package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout with a stateless random mask. When not training, keep = 1 and the mask is all
 * ones (uniform draws are in [0, 1)), so the output equals the input exactly.
 */
public final class Dropout {
  private final Ops tf;
  private final DropoutControl control;
  private final Operand<TInt64> seed;
  private final float rate;

  /** {@code site} names this dropout (unique per graph); a rate of 0 builds nothing. */
  public Dropout(Ops tf, DropoutControl control, String site, double rate) {
    this.tf = tf;
    this.control = control;
    this.rate = (float) rate;
    this.seed = rate > 0 ? control.siteSeed(site) : null;
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    if (rate == 0f) {
      return x;
    }
    Operand<TFloat32> keep =
        tf.select(control.training(), tf.constant(1f - rate), tf.constant(1f));
    Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed);
    Operand<TFloat32> mask = tf.dtypes.cast(tf.math.less(uniform, keep), TFloat32.class);
    return tf.math.div(tf.math.mul(x, mask), keep);
  }
}
