package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** LayerNorm over the last axis; HF names gamma {@code weight} and beta {@code bias}. */
public final class LayerNorm {
  private final Ops tf;
  private final Parameter gamma;
  private final Parameter beta;
  private final float eps;

  public LayerNorm(BlockContext ctx, int size) {
    this.tf = ctx.tf();
    this.gamma = ctx.params().scale("weight", size);
    this.beta = ctx.params().bias("bias", size);
    this.eps = (float) ctx.config().layerNormEps();
  }

  /** x: [..., H] -> [..., H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.squaredDifference(x, mean), tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> normalized =
        tf.math.mul(tf.math.sub(x, mean), tf.math.rsqrt(tf.math.add(variance, tf.constant(eps))));
    return tf.math.add(tf.math.mul(normalized, gamma.variable()), beta.variable());
  }
}
