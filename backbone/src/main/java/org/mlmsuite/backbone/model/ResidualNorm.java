package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Post-LN residual: {@code LayerNorm(x + dropout(sublayerOutput))}, BERT's sub-layer wrapper. */
public final class ResidualNorm {
  private final Ops tf;
  private final Dropout dropout;
  private final LayerNorm norm;

  /** {@code ctx} is the module owning the LayerNorm, e.g. {@code ...attention.output}. */
  public ResidualNorm(BlockContext ctx) {
    this.tf = ctx.tf();
    this.dropout = ctx.dropout("dropout", ctx.config().hiddenDropout());
    this.norm = new LayerNorm(ctx.child("LayerNorm"), ctx.config().hiddenSize());
  }

  /** residual, sublayerOutput [B, T, H] -> [B, T, H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> residual, Operand<TFloat32> sublayerOutput) {
    return norm.apply(tf.math.add(residual, dropout.apply(sublayerOutput)));
  }
}
