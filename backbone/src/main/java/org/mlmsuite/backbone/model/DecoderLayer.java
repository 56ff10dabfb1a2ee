package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Transformer decoder block, post-LN like BERT: causal self-attention, cross-attention to the
 * encoder output, feed-forward. Names follow HF's BertLayer with {@code add_cross_attention}:
 * {@code attention.*}, {@code crossattention.*}, {@code intermediate.*}, {@code output.*}.
 */
public final class DecoderLayer {
  private final MultiHeadAttention selfAttention;
  private final ResidualNorm selfAttentionNorm;
  private final MultiHeadAttention crossAttention;
  private final ResidualNorm crossAttentionNorm;
  private final FeedForward feedForward;
  private final ResidualNorm outputNorm;

  /**
   * {@code crossAttention} is the context for the newly initialised cross-attention (pass {@code
   * layer.child("crossattention")}, optionally with another initializer range).
   */
  public DecoderLayer(BlockContext layer, BlockContext crossAttention) {
    this.selfAttention = new MultiHeadAttention(layer.child("attention"));
    this.selfAttentionNorm = new ResidualNorm(layer.child("attention").child("output"));
    this.crossAttention = new MultiHeadAttention(crossAttention);
    this.crossAttentionNorm = new ResidualNorm(crossAttention.child("output"));
    this.feedForward = new FeedForward(layer);
    this.outputNorm = new ResidualNorm(layer.child("output"));
  }

  public DecoderLayer(BlockContext layer) {
    this(layer, layer.child("crossattention"));
  }

  /** The cross-attention keys/values of an encoder output [B, S, H]: compute once per source. */
  public MultiHeadAttention.KeyValues encoderKeyValues(Operand<TFloat32> encoderOutput) {
    return crossAttention.keyValues(encoderOutput);
  }

  /**
   * x [B, T, H]; selfMask [B, 1, T, T] (causal + padding); encoder keys/values; encoderMask [B, 1,
   * 1, S] (source padding) -> [B, T, H].
   */
  public Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> selfMask,
      MultiHeadAttention.KeyValues encoder, Operand<TFloat32> encoderMask) {
    x = selfAttentionNorm.apply(x, selfAttention.selfAttend(x, selfMask));
    x = crossAttentionNorm.apply(x, crossAttention.attend(x, encoder, encoderMask));
    return outputNorm.apply(x, feedForward.apply(x));
  }
}
