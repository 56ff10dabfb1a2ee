package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The graph AdamW against the plain-Java reference on linear regression, several steps. */
class AdamWGraphTest {
  private static final int FEATURES = 3;
  private static final int BATCH = 4;

  @ParameterizedTest(name = "accumulate={0} clip={1} biasCorrection={2}")
  @CsvSource({"3, 0.5, false", "3, 0.5, true", "1, 0, false", "2, 100, true"})
  void matchesReferenceAdamW(int accumulation, double clip, boolean biasCorrection) {
    TrainingConfig config = new TrainingConfig(0.05, 2, 0, 8, 0.1, 0.9, 0.999, 1e-6, clip,
        biasCorrection, accumulation, BATCH, 7, 1, 0, 0, 1);
    double[][] params = {{0.5, -0.25, 1.0}, {0.3}};
    boolean[] decay = {true, false};
    ReferenceAdamW reference = new ReferenceAdamW(config, new int[] {FEATURES, 1});
    Random random = new Random(3);
    double[] trueW = {2.0, -1.0, 0.5};

    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, FEATURES)));
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Variable<TFloat32> w = VariableNames.checked(tf, "w",
          tf.withInitScope().constant(new float[] {0.5f, -0.25f, 1.0f}));
      Variable<TFloat32> b = VariableNames.checked(tf, "b", tf.withInitScope().constant(new float[] {0.3f}));
      var pred = tf.math.add(tf.reduceSum(tf.math.mul(x, w), tf.constant(1)), b);
      var loss = tf.math.mean(tf.math.square(tf.math.sub(pred, y)), tf.constant(0));
      AdamWGraph adam = new AdamWGraph(g, tf, loss,
          List.of(TrainableVariable.decayed(w), TrainableVariable.notDecayed(b)), config);
      LinearWarmupDecaySchedule schedule = config.schedule();

      try (Session s = new Session(g)) {
        for (int step = 0; step < 6; step++) {
          double[][][] micro = new double[accumulation][][];
          double lr = schedule.learningRate(step);
          float graphNorm = 0;
          for (int k = 0; k < accumulation; k++) {
            float[][] xs = new float[BATCH][FEATURES];
            float[] ys = new float[BATCH];
            for (int r = 0; r < BATCH; r++) {
              for (int c = 0; c < FEATURES; c++) {
                xs[r][c] = (float) random.nextGaussian();
                ys[r] += (float) (trueW[c] * xs[r][c]);
              }
              ys[r] += (float) (0.1 * random.nextGaussian());
            }
            micro[k] = linearRegressionGradient(params, xs, ys);
            boolean last = k == accumulation - 1;
            try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(xs));
                TFloat32 yt = TFloat32.vectorOf(ys);
                TFloat32 lrt = TFloat32.scalarOf((float) lr)) {
              Session.Runner r = s.runner().feed(x, xt).feed(y, yt);
              if (last) {
                r.feed(adam.learningRate(), lrt).addTarget(adam.apply()).fetch(adam.gradNorm());
              } else {
                r.addTarget(adam.accumulate());
              }
              try (Result res = r.run()) {
                if (last) {
                  graphNorm = ((TFloat32) res.get(0)).getFloat();
                }
              }
            }
          }
          reference.step(params, micro, decay, lr);
          assertEquals(reference.lastGlobalNorm, graphNorm, 1e-5 * reference.lastGlobalNorm,
              "global norm at step " + step);
        }
        try (Result res = s.runner().fetch(w).fetch(b).run()) {
          TFloat32 wt = (TFloat32) res.get(0);
          TFloat32 bt = (TFloat32) res.get(1);
          for (int c = 0; c < FEATURES; c++) {
            assertClose(params[0][c], wt.getFloat(c), "w[" + c + "]");
          }
          assertClose(params[1][0], bt.getFloat(0), "b");
          // The run must have moved the parameters, or the comparison proves nothing.
          assertTrue(Math.abs(params[0][0] - 0.5) > 0.01, "w[0] barely moved: " + params[0][0]);
        }
      }
    }
  }

  private static void assertClose(double expected, float actual, String what) {
    assertEquals(expected, actual, 1e-6 * Math.max(1.0, Math.abs(expected)), what);
  }

  /** d/dparams of mean((x.w + b - y)^2), evaluated at the reference's current parameters. */
  private static double[][] linearRegressionGradient(double[][] p, float[][] xs, float[] ys) {
    double[] gw = new double[FEATURES];
    double gb = 0;
    for (int r = 0; r < xs.length; r++) {
      double pred = p[1][0];
      for (int c = 0; c < FEATURES; c++) {
        pred += p[0][c] * xs[r][c];
      }
      double res = 2 * (pred - ys[r]) / xs.length;
      for (int c = 0; c < FEATURES; c++) {
        gw[c] += res * xs[r][c];
      }
      gb += res;
    }
    return new double[][] {gw, {gb}};
  }
}
