package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Transformer decoder block, post-LN like BERT: causal self-attention, cross-attention to the
 * encoder output, feed-forward. Names follow HF's BertLayer with {@code add_cross_attention}:
 * {@code attention.*}, {@code crossattention.*}, {@code intermediate.*}, {@code output.*}.
 */
public final class DecoderLayer {
  /** One incremental step's output [N, 1, H] and the self-attention cache grown to t+1 positions. */
  public record Step(Operand<TFloat32> output, MultiHeadAttention.KeyValues selfKeyValues) {}

  private final Ops tf;
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
    this.tf = layer.tf();
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

  /**
   * Incremental decoding: the token at position t, x [N, 1, H], attends to the cached
   * self-attention keys/values of positions 0..t-1 ({@code past}, each [N, A, t, D]) plus its own;
   * no causal mask is needed because the cache holds only earlier positions. Returns the layer
   * output [N, 1, H] and the cache with this position appended ([N, A, t+1, D]). Equal to row t
   * of {@link #apply} with the causal mask, given the same earlier inputs.
   */
  public Step step(Operand<TFloat32> x, MultiHeadAttention.KeyValues past,
      MultiHeadAttention.KeyValues encoder, Operand<TFloat32> encoderMask) {
    MultiHeadAttention.KeyValues current = selfAttention.keyValues(x); // [N, A, 1, D] each
    Operand<TInt32> time = tf.constant(2);
    MultiHeadAttention.KeyValues cache = new MultiHeadAttention.KeyValues(
        tf.concat(List.of(past.keys(), current.keys()), time),
        tf.concat(List.of(past.values(), current.values()), time));
    Operand<TFloat32> h = selfAttentionNorm.apply(x, selfAttention.attend(x, cache, tf.constant(0f)));
    h = crossAttentionNorm.apply(h, crossAttention.attend(h, encoder, encoderMask));
    return new Step(outputNorm.apply(h, feedForward.apply(h)), cache);
  }
}
