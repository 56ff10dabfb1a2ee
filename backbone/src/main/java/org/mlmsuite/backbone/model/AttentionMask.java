package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Additive attention masks: 0 where a query may attend, {@link #BLOCKED} where it may not. They
 * are added to the scores before softmax and broadcast against {@code [B, A, T, S]}.
 */
public final class AttentionMask {
  /** BERT's value; exp(-10000 + x) is exactly 0 in float32 for any realistic score x. */
  public static final float BLOCKED = -10000f;

  private AttentionMask() {}

  /** attentionMask [B, S] (1 = token, 0 = padding) -> [B, 1, 1, S]. */
  public static Operand<TFloat32> padding(Ops tf, Operand<? extends TNumber> attentionMask) {
    Operand<TFloat32> keep = tf.dtypes.cast(attentionMask, TFloat32.class);
    Operand<TFloat32> additive = tf.math.mul(tf.math.sub(tf.constant(1f), keep), tf.constant(BLOCKED));
    // [B, S] -> [B, 1, 1, S]
    return tf.expandDims(tf.expandDims(additive, tf.constant(1)), tf.constant(1));
  }

  /** Lower-triangular mask for a sequence of length T (query i sees keys 0..i) -> [1, 1, T, T]. */
  public static Operand<TFloat32> causal(Ops tf, Operand<TInt32> length) {
    Operand<TInt32> square = tf.stack(java.util.List.of(length, length));
    Operand<TFloat32> ones = tf.fill(square, tf.constant(1f));
    Operand<TFloat32> lower = tf.linalg.bandPart(ones, tf.constant(-1), tf.constant(0));
    Operand<TFloat32> additive = tf.math.mul(tf.math.sub(tf.constant(1f), lower), tf.constant(BLOCKED));
    // [T, T] -> [1, 1, T, T]
    return tf.expandDims(tf.expandDims(additive, tf.constant(0)), tf.constant(0));
  }

  /** Causal plus padding of the decoder's own tokens -> [B, 1, T, T]. */
  public static Operand<TFloat32> causalWithPadding(Ops tf, Operand<? extends TNumber> attentionMask) {
    Operand<TInt32> length = tf.gather(tf.shape(attentionMask), tf.constant(1), tf.constant(0));
    return tf.math.add(causal(tf, length), padding(tf, attentionMask));
  }
}
