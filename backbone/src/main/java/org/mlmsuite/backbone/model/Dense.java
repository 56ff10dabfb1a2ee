package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@code y = x W^T + b}; {@code weight} is {@code [out, in]} like HF's nn.Linear. */
public final class Dense {
  private final Ops tf;
  private final Parameter weight;
  private final Parameter bias;
  private final int in;
  private final int out;

  /** Creates {@code <ctx>.weight [out, in]} and {@code <ctx>.bias [out]}. */
  public Dense(BlockContext ctx, int in, int out) {
    this.tf = ctx.tf();
    this.in = in;
    this.out = out;
    this.weight = ctx.params().weight("weight", out, in);
    this.bias = ctx.params().bias("bias", out);
  }

  /** x: [..., in] -> [..., out]. */
  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    if (rank < 2) {
      throw new IllegalArgumentException("Dense needs an input of known rank >= 2, got " + x.shape());
    }
    if (rank == 2) {
      return project(x);
    }
    // [..., in] -> [N, in] -> [N, out] -> [..., out]
    Operand<TInt32> leading =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {rank - 1}));
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, in}));
    return tf.reshape(project(flat), tf.concat(List.of(leading, tf.constant(new int[] {out})), tf.constant(0)));
  }

  private Operand<TFloat32> project(Operand<TFloat32> x) {
    // [N, in] x [out, in]^T -> [N, out]
    return tf.math.add(
        tf.linalg.matMul(x, weight.variable(), MatMul.transposeB(true)), bias.variable());
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }
}
