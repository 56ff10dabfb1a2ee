package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Exact GELU, {@code 0.5 x (1 + erf(x / sqrt 2))}, as in BERT and HF's "gelu". */
public final class Gelu {
  private Gelu() {}

  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> cdf = tf.math.mul(tf.constant(0.5f),
        tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))))));
    return tf.math.mul(x, cdf);
  }
}
