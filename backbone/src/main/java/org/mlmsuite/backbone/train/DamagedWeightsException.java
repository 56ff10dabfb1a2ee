package org.mlmsuite.backbone.train;

import org.tensorflow.exceptions.TensorFlowException;

/**
 * A checkpoint TensorFlow cannot read: a truncated or corrupted {@code .index} or {@code .data-*}
 * file. A user error (the files must be restored or the model exported again), not a bug.
 */
public final class DamagedWeightsException extends IllegalArgumentException {
  public DamagedWeightsException(String checkpoint, TensorFlowException cause) {
    super(checkpoint + ": weights are damaged or truncated (TensorFlow: " + firstLine(cause) + ")", cause);
  }

  /** Whether TensorFlow failed because a name is not in the checkpoint (not because it is damaged). */
  public static boolean isMissingName(TensorFlowException e) {
    return e.getMessage() != null && e.getMessage().contains("not found in checkpoint");
  }

  private static String firstLine(TensorFlowException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("").strip();
  }
}
