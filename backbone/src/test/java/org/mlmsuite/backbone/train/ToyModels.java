package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Tiny graphs for trainer tests: linear regression and a 2-layer MLP classifier with dropout. */
final class ToyModels {
  private ToyModels() {}

  /** One example: features and a regression target or a class label. */
  record Example(float[] x, float y, int label) {}

  /** y = x . w_true + 0.5 + noise; label = argmax of three fixed projections of x. */
  static List<Example> data(int count, int features, long seed) {
    Random r = new Random(seed);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] x = new float[features];
      double y = 0.5;
      double[] scores = new double[3];
      for (int c = 0; c < features; c++) {
        x[c] = (float) r.nextGaussian();
        y += (c % 2 == 0 ? 1.0 : -0.5) * x[c];
        scores[c % 3] += x[c];
      }
      int label = scores[0] >= scores[1] ? (scores[0] >= scores[2] ? 0 : 2) : (scores[1] >= scores[2] ? 1 : 2);
      out.add(new Example(x, (float) (y + 0.1 * r.nextGaussian()), label));
    }
    return out;
  }

  static ObjectiveBuilder<List<Example>> linearRegression(int features) {
    return tf -> {
      Ops init = tf.withInitScope();
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
      Placeholder<TFloat32> y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Variable<TFloat32> w = VariableNames.checked(tf, "linear.w",
          init.random.statelessRandomNormal(init.constant(new int[] {features}), init.constant(new long[] {1, 2})));
      Variable<TFloat32> b = VariableNames.checked(tf, "linear.b", init.constant(0f));
      Operand<TFloat32> pred = tf.math.add(tf.reduceSum(tf.math.mul(x, w), tf.constant(1)), b);
      Operand<TFloat32> loss = tf.math.mean(tf.math.square(tf.math.sub(pred, y)), tf.constant(0));
      BatchFeeder<List<Example>> feeder = (batch, feeds) -> {
        float[][] xs = new float[batch.size()][];
        float[] ys = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
          xs[i] = batch.get(i).x();
          ys[i] = batch.get(i).y();
        }
        feeds.put(x, TFloat32.tensorOf(StdArrays.ndCopyOf(xs))).put(y, TFloat32.vectorOf(ys));
        return batch.size();
      };
      return TrainingObjective.of(loss, List.of(TrainableVariable.decayed(w), TrainableVariable.notDecayed(b)), feeder);
    };
  }

  /**
   * x[features] -> tanh(hidden) -> dropout(keep 0.8, stateless, seeded by a [2] int64
   * placeholder) -> logits[3] -> softmax cross-entropy. Evaluator: dev loss and accuracy with
   * dropout off.
   */
  static ObjectiveBuilder<List<Example>> mlpClassifier(int features, int hidden, List<Example> dev) {
    return tf -> {
      Ops init = tf.withInitScope();
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
      Placeholder<TInt32> labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      Placeholder<TInt64> seed = tf.withName("dropout_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      PlaceholderWithDefault<TFloat32> keep = tf.withName("keep_prob").placeholderWithDefault(tf.constant(0.8f), Shape.scalar());
      Variable<TFloat32> w1 = VariableNames.checked(tf, "mlp.dense1.kernel", init.math.mul(
          init.random.statelessRandomNormal(init.constant(new int[] {features, hidden}), init.constant(new long[] {3, 4})),
          init.constant(0.5f)));
      Variable<TFloat32> b1 = VariableNames.checked(tf, "mlp.dense1.bias", init.zeros(init.constant(new int[] {hidden}), TFloat32.class));
      Variable<TFloat32> w2 = VariableNames.checked(tf, "mlp.dense2.kernel", init.math.mul(
          init.random.statelessRandomNormal(init.constant(new int[] {hidden, 3}), init.constant(new long[] {5, 6})),
          init.constant(0.5f)));
      Variable<TFloat32> b2 = VariableNames.checked(tf, "mlp.dense2.bias", init.zeros(init.constant(new int[] {3}), TFloat32.class));
      Operand<TFloat32> h = tf.math.tanh(tf.math.add(tf.linalg.matMul(x, w1), b1));
      // Inverted dropout: keep where uniform < keep, scale by 1/keep.
      Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(h), seed, TFloat32.class);
      Operand<TFloat32> mask = tf.dtypes.cast(tf.math.less(uniform, keep), TFloat32.class);
      Operand<TFloat32> dropped = tf.math.div(tf.math.mul(h, mask), keep);
      Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(dropped, w2), b2);
      Operand<TFloat32> logProbs = tf.nn.logSoftmax(logits);
      Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(3), tf.constant(1f), tf.constant(0f));
      Operand<TFloat32> loss = tf.math.neg(tf.math.mean(
          tf.reduceSum(tf.math.mul(oneHot, logProbs), tf.constant(1)), tf.constant(0)));
      Operand<TFloat32> correct = tf.math.mean(tf.dtypes.cast(
          tf.math.equal(tf.math.argMax(logits, tf.constant(1), TInt32.class), labels), TFloat32.class), tf.constant(0));
      BatchFeeder<List<Example>> feeder = (batch, feeds) -> feedClassification(x, labels, batch, feeds);
      Evaluator evaluator = session -> {
        try (Feeds feeds = new Feeds()) {
          feedClassification(x, labels, dev, feeds);
          feeds.put(seed, TInt64.vectorOf(0, 0)).put(keep, TFloat32.scalarOf(1f));
          try (Result r = feeds.applyTo(session.runner()).fetch(loss).fetch(correct).run()) {
            return Map.of("loss", (double) ((TFloat32) r.get(0)).getFloat(),
                "accuracy", (double) ((TFloat32) r.get(1)).getFloat());
          }
        }
      };
      return TrainingObjective.of(loss, List.of(TrainableVariable.decayed(w1), TrainableVariable.notDecayed(b1),
              TrainableVariable.decayed(w2), TrainableVariable.notDecayed(b2)), feeder)
          .withDropoutSeed(seed)
          .withEvaluator(evaluator);
    };
  }

  private static long feedClassification(Operand<TFloat32> x, Operand<TInt32> labels,
      List<Example> batch, Feeds feeds) {
    float[][] xs = new float[batch.size()][];
    int[] ls = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      xs[i] = batch.get(i).x();
      ls[i] = batch.get(i).label();
    }
    feeds.put(x, TFloat32.tensorOf(StdArrays.ndCopyOf(xs))).put(labels, TInt32.vectorOf(ls));
    return batch.size();
  }

  static TrainingConfig config(long totalSteps, int accumulation, int batchSize) {
    return new TrainingConfig(0.05, 0, 0.1, totalSteps, 0.01, 0.9, 0.999, 1e-6, 1.0, false,
        accumulation, batchSize, 11L, 1, 0, 0, 2);
  }

  static double[] values(Session session, String variable) {
    try (Result r = session.runner().fetch(variable).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      double[] out = new double[(int) t.shape().size()];
      float[] buf = new float[out.length];
      t.asRawTensor().data().asFloats().read(buf);
      for (int i = 0; i < out.length; i++) {
        out[i] = buf[i];
      }
      return out;
    }
  }
}
