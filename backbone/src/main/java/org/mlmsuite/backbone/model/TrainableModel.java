package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** What the training loop needs from any model graph: a scalar loss, its variables, dropout feeds. */
public interface TrainableModel {
  /** Scalar loss to minimise. */
  Operand<TFloat32> loss();

  /** Every variable of the graph's model, in creation order, each with its weight-decay flag. */
  List<Parameter> parameters();

  /** Feed {@code training=true} and a per-step seed on training steps. */
  DropoutControl dropout();
}
