package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The optimizer ops added to a task's graph: gradients, micro-batch accumulation, global-norm
 * clipping and the AdamW update with a fed learning rate.
 *
 * <p>Per optimizer step with N micro-batches, the trainer runs {@link #accumulate()} for the first
 * N-1 micro-batches and {@link #apply()} for the last. {@code apply} computes, per variable,
 *
 * <pre>
 *   g      = (acc + grad_last) / N                  (acc: sum of the earlier micro-batch gradients)
 *   g     *= clip / max(||g||_global, clip)         (tf.clip_by_global_norm; skipped if clip <= 0)
 *   m      = b1 m + (1 - b1) g
 *   v      = b2 v + (1 - b2) g^2
 *   update = m / (sqrt(v) + eps)                     BERT's AdamWeightDecayOptimizer, or with
 *            m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps)   bias correction (PyTorch AdamW), t = step + 1
 *   update += weightDecay * param                    only for variables flagged for decay
 *   param -= lr * update
 * </pre>
 *
 * then zeroes the accumulators and increments the step counter. State variables are named after
 * the parameter ({@code name-adam_m}, {@code name-adam_v}, {@code name-grad_acc}) plus {@code
 * trainer-step}, so a checkpoint of the whole graph holds the optimizer state.
 */
final class AdamWGraph {
  static final String STEP_NAME = "trainer-step";

  private final Placeholder<TFloat32> learningRate;
  private final Operand<TFloat32> gradNorm;
  private final Op accumulate;
  private final Op apply;
  private final Variable<TInt64> step;

  AdamWGraph(Graph graph, Ops tf, Operand<TFloat32> loss, List<TrainableVariable> vars,
      TrainingConfig config) {
    int n = config.gradientAccumulationSteps();
    Output<?>[] xs = new Output<?>[vars.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = vars.get(i).variable().asOutput();
    }
    Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);

    learningRate = tf.withName("trainer-learning_rate").placeholder(TFloat32.class,
        Placeholder.shape(Shape.scalar()));
    step = VariableNames.checked(tf, STEP_NAME,
        tf.withInitScope().constant(0L));

    List<Operand<TFloat32>> averaged = new ArrayList<>();
    List<Op> accumulateOps = new ArrayList<>();
    List<Variable<TFloat32>> accumulators = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      TrainableVariable tv = vars.get(i);
      if (grads[i] == null) {
        throw new IllegalArgumentException(
            "trainable variable '" + tv.name() + "' does not influence the loss (no gradient)");
      }
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
      if (n == 1) {
        averaged.add(g);
      } else {
        Variable<TFloat32> acc = VariableNames.checked(tf, tv.name() + "-grad_acc",
            zerosLike(tf, tv));
        accumulators.add(acc);
        accumulateOps.add(tf.assignAdd(acc, g));
        averaged.add(tf.math.div(tf.math.add(acc, g), tf.constant((float) n)));
      }
    }
    accumulate = accumulateOps.isEmpty() ? tf.noOp() : tf.withControlDependencies(accumulateOps).noOp();

    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : averaged) {
      squares.add(tf.reduceSum(tf.math.square(g), allAxes(tf, g)));
    }
    gradNorm = tf.withName("trainer-grad_norm").math.sqrt(tf.math.addN(squares));
    Operand<TFloat32> scale = null;
    if (config.clipNorm() > 0) {
      Operand<TFloat32> clip = tf.constant((float) config.clipNorm());
      scale = tf.math.div(clip, tf.math.maximum(gradNorm, clip));
    }

    Operand<TFloat32> b1 = tf.constant((float) config.beta1());
    Operand<TFloat32> b2 = tf.constant((float) config.beta2());
    Operand<TFloat32> oneMinusB1 = tf.constant(1f - (float) config.beta1());
    Operand<TFloat32> oneMinusB2 = tf.constant(1f - (float) config.beta2());
    Operand<TFloat32> eps = tf.constant((float) config.epsilon());
    Operand<TFloat32> decay = tf.constant((float) config.weightDecay());
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> t = tf.dtypes.cast(tf.math.add(step, tf.constant(1L)), TFloat32.class);

    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      TrainableVariable tv = vars.get(i);
      Variable<TFloat32> param = tv.variable();
      Operand<TFloat32> g = scale == null ? averaged.get(i) : tf.math.mul(averaged.get(i), scale);
      Variable<TFloat32> m = VariableNames.checked(tf, tv.name() + "-adam_m", zerosLike(tf, tv));
      Variable<TFloat32> v = VariableNames.checked(tf, tv.name() + "-adam_v", zerosLike(tf, tv));
      Operand<TFloat32> mNew = tf.assign(m,
          tf.math.add(tf.math.mul(b1, m), tf.math.mul(oneMinusB1, g)));
      Operand<TFloat32> vNew = tf.assign(v,
          tf.math.add(tf.math.mul(b2, v), tf.math.mul(oneMinusB2, tf.math.square(g))));
      Operand<TFloat32> mUsed = mNew;
      Operand<TFloat32> vUsed = vNew;
      if (config.biasCorrection()) {
        mUsed = tf.math.div(mNew, tf.math.sub(one, tf.math.pow(b1, t)));
        vUsed = tf.math.div(vNew, tf.math.sub(one, tf.math.pow(b2, t)));
      }
      Operand<TFloat32> update = tf.math.div(mUsed, tf.math.add(tf.math.sqrt(vUsed), eps));
      if (tv.weightDecay() && config.weightDecay() > 0) {
        update = tf.math.add(update, tf.math.mul(decay, param));
      }
      updates.add(tf.assignSub(param, tf.math.mul(learningRate, update)));
    }
    // Zero the accumulators and advance the step only after every update has read them.
    Ops afterUpdates = tf.withControlDependencies(updates);
    List<Op> finish = new ArrayList<>();
    for (Variable<TFloat32> acc : accumulators) {
      finish.add(afterUpdates.assign(acc, afterUpdates.zerosLike(acc)));
    }
    finish.add(afterUpdates.assignAdd(step, afterUpdates.constant(1L)));
    apply = tf.withControlDependencies(finish).noOp();
  }

  Placeholder<TFloat32> learningRate() {
    return learningRate;
  }

  Operand<TFloat32> gradNorm() {
    return gradNorm;
  }

  Op accumulate() {
    return accumulate;
  }

  Op apply() {
    return apply;
  }

  Variable<TInt64> step() {
    return step;
  }

  private static Operand<TFloat32> zerosLike(Ops tf, TrainableVariable tv) {
    Shape shape = tv.variable().shape();
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "trainable variable '" + tv.name() + "' needs a fully known shape, has " + shape);
    }
    // fill, not tf.zeros: zeros opens a sub-scope, which walks every op of the graph to learn the
    // names in use; once per slot variable, that took minutes for BERT-Base.
    Ops init = tf.withInitScope();
    return init.fill(init.constant(shape.asArray()), init.constant(0f));
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }
}
