package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** How a parameter's first value is made; every initializer is deterministic. */
public sealed interface Initializer {

  /** Builds the initial value in {@code init} (an init-scope {@code Ops}). */
  Operand<TFloat32> build(Ops init, Shape shape);

  /**
   * Normal(0, stddev) truncated at two standard deviations (TF's and original BERT's), drawn by a
   * stateless op seeded {@code [seed, nameHash]}: the value depends only on the store's seed and
   * the parameter's name, not on creation order.
   */
  record TruncatedNormal(double stddev, long seed, long nameHash) implements Initializer {
    @Override
    public Operand<TFloat32> build(Ops init, Shape shape) {
      return init.math.mul(
          init.random.statelessTruncatedNormal(
              init.constant(shape.asArray()), init.constant(new long[] {seed, nameHash})),
          init.constant((float) stddev));
    }
  }

  /** All zeros: biases, LayerNorm beta. */
  record Zeros() implements Initializer {
    @Override
    public Operand<TFloat32> build(Ops init, Shape shape) {
      return init.fill(init.constant(shape.asArray()), init.constant(0f));
    }
  }

  /** All ones: LayerNorm gamma. */
  record Ones() implements Initializer {
    @Override
    public Operand<TFloat32> build(Ops init, Shape shape) {
      return init.fill(init.constant(shape.asArray()), init.constant(1f));
    }
  }
}
