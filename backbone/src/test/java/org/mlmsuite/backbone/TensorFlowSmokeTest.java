package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Add;
import org.tensorflow.types.TFloat32;

/** Fails fast when the native TensorFlow library cannot be loaded or run. */
class TensorFlowSmokeTest {
  @Test
  void buildsAndRunsAGraph() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      Add<TFloat32> y = tf.math.add(tf.math.mul(x, tf.constant(2f)), tf.constant(1f));
      try (Session session = new Session(graph);
          TFloat32 input = TFloat32.scalarOf(20f);
          Result result = session.runner().feed(x, input).fetch(y).run()) {
        assertEquals(41f, ((TFloat32) result.get(0)).getFloat(), 0f);
      }
    }
  }
}
