package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Multi-head scaled dot-product attention with its output projection (HF's BertSelfAttention +
 * the dense of BertSelfOutput). Parameters, under the context's path (e.g. {@code
 * bert.encoder.layer.0.attention}): {@code self.query|key|value.weight|bias}, {@code
 * output.dense.weight|bias}. The residual LayerNorm ({@code output.LayerNorm}) belongs to the
 * layer.
 *
 * <p>Keys/values come from {@link #keyValues} separately from {@link #attend}, so a decoder can
 * compute the encoder's cross-attention keys once, or append one step's keys to a cache.
 */
public final class MultiHeadAttention {
  /** Keys and values split into heads: each [B, A, S, D]. */
  public record KeyValues(Operand<TFloat32> keys, Operand<TFloat32> values) {}

  private final Ops tf;
  private final int numHeads;
  private final int headSize;
  private final Dense query;
  private final Dense key;
  private final Dense value;
  private final Dense output;
  private final Dropout probsDropout;

  public MultiHeadAttention(BlockContext ctx) {
    TransformerConfig config = ctx.config();
    int hidden = config.hiddenSize();
    this.tf = ctx.tf();
    this.numHeads = config.numHeads();
    this.headSize = config.headSize();
    BlockContext self = ctx.child("self");
    this.query = new Dense(self.child("query"), hidden, hidden);
    this.key = new Dense(self.child("key"), hidden, hidden);
    this.value = new Dense(self.child("value"), hidden, hidden);
    this.output = new Dense(ctx.child("output").child("dense"), hidden, hidden);
    this.probsDropout = self.dropout("probs", config.attentionDropout());
  }

  /** memory [B, S, H] -> keys, values [B, A, S, D]. */
  public KeyValues keyValues(Operand<TFloat32> memory) {
    return new KeyValues(splitHeads(key.apply(memory)), splitHeads(value.apply(memory)));
  }

  /**
   * x [B, T, H] attends to {@code memory}; additiveMask broadcasts to [B, A, T, S] (see {@link
   * AttentionMask}). Returns [B, T, H] after the output projection.
   */
  public Operand<TFloat32> attend(Operand<TFloat32> x, KeyValues memory, Operand<TFloat32> additiveMask) {
    Operand<TFloat32> q = splitHeads(query.apply(x)); // [B, A, T, D]
    // [B, A, T, D] x [B, A, S, D]^T -> [B, A, T, S]
    Operand<TFloat32> scores = tf.train.batchMatMul(q, memory.keys(), TFloat32.class, BatchMatMul.adjY(true));
    scores = tf.math.add(tf.math.mul(scores, tf.constant((float) (1 / Math.sqrt(headSize)))), additiveMask);
    Operand<TFloat32> probs = probsDropout.apply(tf.nn.softmax(scores));
    // [B, A, T, S] x [B, A, S, D] -> [B, A, T, D]
    Operand<TFloat32> context = tf.train.batchMatMul(probs, memory.values(), TFloat32.class);
    return output.apply(mergeHeads(context));
  }

  /** Self-attention: x [B, T, H] -> [B, T, H]. */
  public Operand<TFloat32> selfAttend(Operand<TFloat32> x, Operand<TFloat32> additiveMask) {
    return attend(x, keyValues(x), additiveMask);
  }

  private Operand<TFloat32> splitHeads(Operand<TFloat32> x) {
    Operand<TInt32> shape = tf.shape(x);
    Operand<TInt32> batch = tf.gather(shape, tf.constant(0), tf.constant(0));
    Operand<TInt32> length = tf.gather(shape, tf.constant(1), tf.constant(0));
    // [B, T, H] -> [B, T, A, D] -> [B, A, T, D]
    Operand<TFloat32> heads = tf.reshape(x,
        tf.stack(List.of(batch, length, tf.constant(numHeads), tf.constant(headSize))));
    return tf.linalg.transpose(heads, tf.constant(new int[] {0, 2, 1, 3}));
  }

  private Operand<TFloat32> mergeHeads(Operand<TFloat32> x) {
    // [B, A, T, D] -> [B, T, A, D] -> [B, T, H]
    Operand<TFloat32> transposed = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    Operand<TInt32> shape = tf.shape(transposed);
    Operand<TInt32> batch = tf.gather(shape, tf.constant(0), tf.constant(0));
    Operand<TInt32> length = tf.gather(shape, tf.constant(1), tf.constant(0));
    return tf.reshape(transposed, tf.stack(List.of(batch, length, tf.constant(numHeads * headSize))));
  }
}
