package org.mlmsuite.classification;

import java.nio.charset.StandardCharsets;
import org.mlmsuite.backbone.train.ExitGate;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/** Asks a TF checkpoint whether it holds a float variable (TF Java has no checkpoint key listing). */
final class CheckpointEntries {
  private CheckpointEntries() {}

  static boolean contains(String prefix, String name) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Restore r = tf.train.restore(tf.constant(prefix),
          tf.constant(StandardCharsets.UTF_8, new String[] {name}),
          tf.constant(StandardCharsets.UTF_8, new String[] {""}), java.util.List.of(TFloat32.class));
      try (Result ignored = ExitGate.run(s.runner().fetch(r.tensors().get(0)))) {
        return true;
      } catch (TensorFlowException e) {
        return false;
      }
    }
  }
}
