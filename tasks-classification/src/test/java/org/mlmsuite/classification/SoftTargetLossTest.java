package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The graph's distillation loss against the formula worked out here in doubles. */
class SoftTargetLossTest {
  static final double[][] STUDENT = {{1.5, -0.5, 0.25}, {0.1, 2.0, -1.0}, {-0.7, 0.3, 0.9}};
  static final double[][] TEACHER = {{3.0, 0.0, -1.0}, {-2.0, 4.0, 0.5}, {0.2, 0.1, 2.5}};
  static final int[] LABELS = {0, -1, 2}; // the middle row is an augmented text: soft loss only

  @Test
  void matchesHintonsFormulaWithTheHardLabelsOfLabeledRowsOnly() {
    double t = 2;
    double alpha = 0.7;
    double soft = 0;
    for (int i = 0; i < 3; i++) {
      double[] p = softmax(TEACHER[i], t);
      double[] q = softmax(STUDENT[i], t);
      for (int c = 0; c < 3; c++) {
        soft += p[c] * (Math.log(p[c]) - Math.log(q[c]));
      }
    }
    soft = t * t * soft / 3;
    double hard = (-Math.log(softmax(STUDENT[0], 1)[0]) - Math.log(softmax(STUDENT[2], 1)[2])) / 2;
    double[] got = run(t, alpha, LABELS);
    assertEquals(soft, got[1], 1e-5, "soft");
    assertEquals(hard, got[2], 1e-5, "hard");
    assertEquals(alpha * soft + (1 - alpha) * hard, got[0], 1e-5, "loss");
  }

  @Test
  void aBatchWithoutLabelsHasNoHardTermAndTemperatureChangesTheSoftOne() {
    double[] unlabeled = run(1, 0.5, new int[] {-1, -1, -1});
    assertEquals(0, unlabeled[2], 0, "hard");
    assertEquals(0.5 * unlabeled[1], unlabeled[0], 1e-6);
    double klAtOne = 0;
    for (int i = 0; i < 3; i++) {
      double[] p = softmax(TEACHER[i], 1);
      double[] q = softmax(STUDENT[i], 1);
      for (int c = 0; c < 3; c++) {
        klAtOne += p[c] * Math.log(p[c] / q[c]) / 3;
      }
    }
    assertEquals(klAtOne, unlabeled[1], 1e-5);
    double atFour = run(4, 0.5, LABELS)[1];
    assertEquals(false, Math.abs(atFour - unlabeled[1]) < 1e-3, "T must matter: " + atFour);
  }

  @Test
  void refusesABadTemperatureOrAlpha() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      assertThrows(IllegalArgumentException.class,
          () -> SoftTargetLoss.build(tf, tf.constant(new float[][] {{0, 1}}), 2, 0, 0.5));
      assertThrows(IllegalArgumentException.class,
          () -> SoftTargetLoss.build(tf, tf.constant(new float[][] {{0, 1}}), 2, 2, 1.5));
    }
  }

  /** {loss, soft, hard} of the graph on STUDENT, TEACHER and {@code labels}. */
  private static double[] run(double t, double alpha, int[] labels) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      SoftTargetLoss loss = SoftTargetLoss.build(tf, tf.constant(toFloat(STUDENT)), 3, t, alpha);
      try (Session s = new Session(g);
          TFloat32 teacher = TFloat32.tensorOf(Shape.of(3, 3), DataBuffers.of(flat(TEACHER), true, false));
          TInt32 y = TInt32.vectorOf(labels);
          Result r = s.runner().feed(loss.teacherLogits(), teacher).feed(loss.labels(), y)
              .fetch(loss.loss()).fetch(loss.soft()).fetch(loss.hard()).run()) {
        return new double[] {((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(),
            ((TFloat32) r.get(2)).getFloat()};
      }
    }
  }

  private static double[] softmax(double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double sum = 0;
    double[] e = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      e[c] = Math.exp(z[c] / t - max);
      sum += e[c];
    }
    for (int c = 0; c < z.length; c++) {
      e[c] /= sum;
    }
    return e;
  }

  private static float[][] toFloat(double[][] m) {
    float[][] out = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = new float[m[i].length];
      for (int c = 0; c < m[i].length; c++) {
        out[i][c] = (float) m[i][c];
      }
    }
    return out;
  }

  private static float[] flat(double[][] m) {
    float[] out = new float[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int c = 0; c < m[i].length; c++) {
        out[i * m[i].length + c] = (float) m[i][c];
      }
    }
    return out;
  }
}
