package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The training losses every head shares. */
public final class Losses {
  private Losses() {}

  /**
   * -log p(label) per row: logProbs [N, C], labels [N] -> [N]. Through a one-hot product, because
   * SparseSoftmaxCrossEntropyWithLogits has no gradient in TF Java 1.1.0.
   */
  public static Operand<TFloat32> negativeLogLikelihood(Ops tf, Operand<TFloat32> logProbs,
      Operand<TInt32> labels, int numClasses) {
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f)); // [N, C]
    return tf.math.neg(tf.reduceSum(tf.math.mul(oneHot, logProbs), tf.constant(-1))); // [N]
  }
}
