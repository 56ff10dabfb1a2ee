package org.mlmsuite.classification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/** Reads one float variable's values from a TF checkpoint (test helper). */
final class CheckpointValues {
  private CheckpointValues() {}

  static float[] read(String prefix, String name) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Restore r = tf.train.restore(tf.constant(prefix), tf.constant(StandardCharsets.UTF_8, new String[] {name}),
          tf.constant(StandardCharsets.UTF_8, new String[] {""}), List.of(TFloat32.class));
      try (Result result = s.runner().fetch(r.tensors().get(0)).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }
}
