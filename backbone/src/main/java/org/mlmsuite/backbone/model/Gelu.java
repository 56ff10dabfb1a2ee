package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** GELU in the form the config names ({@link Activation}). */
public final class Gelu {
  private static final float SQRT_HALF = (float) (1 / Math.sqrt(2));
  private static final float SQRT_TWO_OVER_PI = (float) Math.sqrt(2 / Math.PI);

  private Gelu() {}

  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Activation form) {
    Operand<TFloat32> cdf = switch (form) {
      // 0.5 (1 + erf(x / sqrt 2))
      case GELU -> tf.math.mul(tf.constant(0.5f),
          tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant(SQRT_HALF)))));
      // 0.5 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), as Google's modeling.py writes it
      case GELU_TANH -> {
        Operand<TFloat32> cube = tf.math.mul(tf.math.mul(x, x), x);
        Operand<TFloat32> inner = tf.math.mul(tf.constant(SQRT_TWO_OVER_PI),
            tf.math.add(x, tf.math.mul(tf.constant(0.044715f), cube)));
        yield tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1f), tf.math.tanh(inner)));
      }
    };
    return tf.math.mul(x, cdf);
  }
}
