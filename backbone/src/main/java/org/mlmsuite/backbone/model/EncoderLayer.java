package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Post-LN BERT block: x = LN(x + attn(x)); x = LN(x + ffn(x)). Path e.g. {@code bert.encoder.layer.0}. */
public final class EncoderLayer {
  private final Ops tf;
  private final MultiHeadAttention attention;
  private final ResidualNorm attentionNorm;
  private final FeedForward feedForward;
  private final ResidualNorm outputNorm;

  public EncoderLayer(BlockContext layer) {
    this.tf = layer.tf();
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

  /**
   * The output at position 0 only: x [B, T, H] -> [B, 1, H]. Keys and values still come from all
   * T positions, but the query, both residuals and the feed-forward run on position 0, which is
   * all a [CLS] head reads from the last layer. Equals {@code apply(x, mask)[:, :1, :]}.
   */
  public Operand<TFloat32> applyFirstPosition(Operand<TFloat32> x, Operand<TFloat32> paddingMask) {
    // [B, T, H] -> [B, 1, H]
    Operand<TFloat32> first = tf.slice(x, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, 1, -1}));
    first = attentionNorm.apply(first, attention.attend(first, attention.keyValues(x), paddingMask));
    return outputNorm.apply(first, feedForward.apply(first));
  }
}
