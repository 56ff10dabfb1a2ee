package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Post-LN BERT block: x = LN(x + attn(x)); x = LN(x + ffn(x)). Path e.g. {@code bert.encoder.layer.0}. */
public final class EncoderLayer {
  private final MultiHeadAttention attention;
  private final ResidualNorm attentionNorm;
  private final FeedForward feedForward;
  private final ResidualNorm outputNorm;

  public EncoderLayer(BlockContext layer) {
    this.attention = new MultiHeadAttention(layer.child("attention"));
    this.attentionNorm = new ResidualNorm(layer.child("attention").child("output"));
    this.feedForward = new FeedForward(layer);
    this.outputNorm = new ResidualNorm(layer.child("output"));
  }

  /** x [B, T, H], paddingMask [B, 1, 1, T] additive -> [B, T, H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> paddingMask) {
    x = attentionNorm.apply(x, attention.selfAttend(x, paddingMask));
    return outputNorm.apply(x, feedForward.apply(x));
  }
}
