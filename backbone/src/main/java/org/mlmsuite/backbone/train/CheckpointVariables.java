package org.mlmsuite.backbone.train;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/**
 * Asks a TF checkpoint about its float variables by name. TF Java lists no checkpoint keys, so each
 * question restores the one variable: a missing name is an answer, a damaged file is an error.
 */
public final class CheckpointVariables implements AutoCloseable {
  private final String origin;
  private final String prefix;
  private final Graph graph = new Graph();
  private final Session session = new Session(graph);
  private final Ops tf = Ops.create(graph);

  /** {@code prefix}: the checkpoint; {@code origin}: what the user named, for errors. */
  public CheckpointVariables(String origin, String prefix) {
    this.origin = origin;
    this.prefix = prefix;
  }

  /**
   * The shape of float variable {@code name}, or empty if the checkpoint has no such name.
   *
   * @throws DamagedWeightsException if TensorFlow cannot read the checkpoint
   */
  public Optional<Shape> shape(String name) {
    Restore restore = tf.train.restore(tf.constant(prefix),
        tf.constant(StandardCharsets.UTF_8, new String[] {name}),
        tf.constant(StandardCharsets.UTF_8, new String[] {""}), List.of(TFloat32.class));
    try (Result value = ExitGate.run(session.runner().fetch(restore.tensors().get(0)))) {
      return Optional.of(value.get(0).shape());
    } catch (TensorFlowException e) {
      if (DamagedWeightsException.isMissingName(e)) {
        return Optional.empty();
      }
      throw new DamagedWeightsException(origin, e);
    }
  }

  public boolean contains(String name) {
    return shape(name).isPresent();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
