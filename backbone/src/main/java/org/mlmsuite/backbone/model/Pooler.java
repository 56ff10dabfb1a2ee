package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** BERT's pooler: tanh(dense(hidden state of the first token)). Path {@code bert.pooler}. */
public final class Pooler {
  private final Ops tf;
  private final Dense dense;

  public Pooler(BlockContext ctx) {
    this.tf = ctx.tf();
    int hidden = ctx.config().hiddenSize();
    this.dense = new Dense(ctx.child("dense"), hidden, hidden);
  }

  /** sequenceOutput [B, T, H] -> [B, H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> sequenceOutput) {
    Operand<TFloat32> first = tf.gather(sequenceOutput, tf.constant(0), tf.constant(1)); // [B, H]
    return tf.math.tanh(dense.apply(first));
  }
}
