package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Position-wise feed-forward: dense H->I, GELU (the config's form), dense I->H. Parameters under the layer's
 * path: {@code intermediate.dense.weight|bias}, {@code output.dense.weight|bias}.
 */
public final class FeedForward {
  private final Ops tf;
  private final Dense intermediate;
  private final Dense output;
  private final Activation activation;

  public FeedForward(BlockContext layer) {
    TransformerConfig config = layer.config();
    this.activation = config.hiddenAct();
    this.tf = layer.tf();
    this.intermediate = new Dense(layer.child("intermediate").child("dense"),
        config.hiddenSize(), config.intermediateSize());
    this.output = new Dense(layer.child("output").child("dense"),
        config.intermediateSize(), config.hiddenSize());
  }

  /** x [B, T, H] -> [B, T, I] -> [B, T, H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    return output.apply(Gelu.apply(tf, intermediate.apply(x), activation));
  }
}
