package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class DropoutTest {
  private static final int N = 100_000;

  @Test
  void dropsTheConfiguredFractionAndRescalesTheRest() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      DropoutControl control = DropoutControl.create(tf);
      Operand<TFloat32> ones = tf.fill(tf.constant(new int[] {N}), tf.constant(1f));
      Operand<TFloat32> a = new Dropout(tf, control, "a", 0.1).apply(ones);
      Operand<TFloat32> b = new Dropout(tf, control, "b", 0.1).apply(ones);
      assertThrows(IllegalStateException.class, () -> new Dropout(tf, control, "a", 0.1));
      try (Session s = new Session(g)) {
        float[] off = run(s, control, a, null, null);
        float[] maskA = run(s, control, a, true, new long[] {5, 0});
        float[] maskB = run(s, control, b, true, new long[] {5, 0});
        float[] nextStep = run(s, control, a, true, new long[] {5, 1});
        for (float v : off) {
          assertEquals(1f, v);
        }
        int droppedA = 0;
        int droppedBoth = 0;
        int changedNextStep = 0;
        for (int i = 0; i < N; i++) {
          if (maskA[i] == 0) {
            droppedA++;
            droppedBoth += maskB[i] == 0 ? 1 : 0;
          } else {
            assertEquals(1 / 0.9f, maskA[i], 1e-6f);
          }
          changedNextStep += maskA[i] != nextStep[i] ? 1 : 0;
        }
        // binomial(N, 0.1): sd = sqrt(N * 0.09) = 95; allow 5 sd
        assertEquals(0.1 * N, droppedA, 5 * 95);
        // independent sites: both dropped with p = 0.01, sd = sqrt(N * 0.0099) = 31.5
        assertEquals(0.01 * N, droppedBoth, 5 * 31.5);
        // independent steps: differ with p = 2 * 0.1 * 0.9 = 0.18, sd = 121
        assertEquals(0.18 * N, changedNextStep, 5 * 121);
      }
    }
  }

  @Test
  void modelHasNoDropoutUnlessFedAndIsDeterministicPerSeed() {
    try (Graph g = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(g), TransformerConfig.micro(30), 1);
      try (Session s = new Session(g)) {
        float[] first = encode(s, model, null, null);
        assertArrayEquals(first, encode(s, model, null, null));
        assertArrayEquals(first, encode(s, model, false, new long[] {1, 2}));
        float[] dropped = encode(s, model, true, new long[] {1, 2});
        assertFalse(Arrays.equals(first, dropped));
        assertArrayEquals(dropped, encode(s, model, true, new long[] {1, 2}));
        assertFalse(Arrays.equals(dropped, encode(s, model, true, new long[] {1, 3})));
      }
    }
  }

  private static float[] encode(Session s, BertForMaskedLm model, Boolean training, long[] seed) {
    int[][] ids = {{2, 5, 7, 9, 11, 3}};
    int[][] zeros = {{0, 0, 0, 0, 0, 0}};
    int[][] ones = {{1, 1, 1, 1, 1, 1}};
    try (TInt32 i = TestTensors.ints(ids); TInt32 t = TestTensors.ints(zeros);
        TInt32 m = TestTensors.ints(ones)) {
      Session.Runner runner = s.runner().feed(model.inputs().inputIds(), i)
          .feed(model.inputs().tokenTypeIds(), t).feed(model.inputs().attentionMask(), m);
      return run(runner, model.dropout(), model.sequenceOutput(), training, seed);
    }
  }

  private static float[] run(Session s, DropoutControl control, Operand<TFloat32> out,
      Boolean training, long[] seed) {
    return run(s.runner(), control, out, training, seed);
  }

  private static float[] run(Session.Runner runner, DropoutControl control, Operand<TFloat32> out,
      Boolean training, long[] seed) {
    Tensor flag = training == null ? null : TBool.scalarOf(training);
    Tensor seedTensor = seed == null ? null : TInt64.vectorOf(seed);
    try {
      if (flag != null) {
        runner.feed(control.training(), flag);
      }
      if (seedTensor != null) {
        runner.feed(control.seed(), seedTensor);
      }
      try (Result r = runner.fetch(out).run()) {
        return TestTensors.values(r.get(0));
      }
    } finally {
      if (flag != null) {
        flag.close();
      }
      if (seedTensor != null) {
        seedTensor.close();
      }
    }
  }
}
