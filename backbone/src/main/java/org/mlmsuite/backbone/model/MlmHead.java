package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Masked-LM head (HF's BertOnlyMLMHead), path {@code cls.predictions}: {@code
 * transform.dense}, GELU, {@code transform.LayerNorm}, then logits = h E^T + {@code bias} with E the
 * word-embedding table [V, H] (tied: no separate decoder weight).
 */
public final class MlmHead {
  private final Ops tf;
  private final Dense transform;
  private final LayerNorm norm;
  private final Parameter wordEmbeddings;
  private final Parameter bias;
  private final Activation activation;

  public MlmHead(BlockContext ctx, Parameter wordEmbeddings) {
    int hidden = ctx.config().hiddenSize();
    this.activation = ctx.config().hiddenAct();
    this.tf = ctx.tf();
    this.transform = new Dense(ctx.child("transform").child("dense"), hidden, hidden);
    this.norm = new LayerNorm(ctx.child("transform").child("LayerNorm"), hidden);
    this.wordEmbeddings = wordEmbeddings;
    this.bias = ctx.params().bias("bias", ctx.config().vocabSize());
  }

  /** hidden [N, H] -> logits [N, V]. */
  public Operand<TFloat32> logits(Operand<TFloat32> hidden) {
    Operand<TFloat32> h = norm.apply(Gelu.apply(tf, transform.apply(hidden), activation));
    // [N, H] x [V, H]^T -> [N, V]
    return tf.math.add(
        tf.linalg.matMul(h, wordEmbeddings.variable(), MatMul.transposeB(true)), bias.variable());
  }
}
