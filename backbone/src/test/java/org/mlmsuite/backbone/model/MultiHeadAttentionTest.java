package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class MultiHeadAttentionTest {
  /**
   * The step-by-step decoding pattern: the last query attending to the (cached) keys/values of
   * the whole prefix, with no mask, equals the last row of full causal self-attention.
   */
  @Test
  void lastQueryOverCachedKeyValuesEqualsCausalSelfAttention() {
    TransformerConfig config = new TransformerConfig(10, 16, 1, 4, 32, 8, 2, 0, 0, 1e-12, 0.2);
    int t = 5;
    int h = 16;
    float[] values = new float[t * h];
    Random random = new Random(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      MultiHeadAttention attention =
          new MultiHeadAttention(BlockContext.create(tf, config, 1).child("attention"));
      Operand<TFloat32> x = tf.constant(Shape.of(1, t, h),
          org.tensorflow.ndarray.buffer.DataBuffers.of(values));
      Operand<TFloat32> full = attention.selfAttend(x, AttentionMask.causal(tf, tf.constant(t)));
      MultiHeadAttention.KeyValues cache = attention.keyValues(x); // [1, A, T, D]
      // x[:, T-1:T, :] -> [1, 1, H]
      Operand<TFloat32> lastInput = tf.slice(x, tf.constant(new int[] {0, t - 1, 0}),
          tf.constant(new int[] {1, 1, h}));
      Operand<TFloat32> step = attention.attend(lastInput, cache, tf.constant(0f));
      // position 0 alone: its causal output cannot depend on anything after it
      Operand<TFloat32> firstInput = tf.slice(x, tf.constant(new int[] {0, 0, 0}),
          tf.constant(new int[] {1, 1, h}));
      Operand<TFloat32> first =
          attention.attend(firstInput, attention.keyValues(firstInput), tf.constant(0f));
      try (Session s = new Session(g);
          Result r = s.runner().fetch(full).fetch(step).fetch(first).run()) {
        float[] fullOut = TestTensors.values(r.get(0));
        float[] stepOut = TestTensors.values(r.get(1));
        for (int j = 0; j < h; j++) {
          assertEquals(fullOut[(t - 1) * h + j], stepOut[j], 1e-5);
        }
        float[] firstOut = TestTensors.values(r.get(2));
        for (int j = 0; j < h; j++) {
          assertEquals(fullOut[j], firstOut[j], 1e-5);
        }
      }
    }
  }
}
