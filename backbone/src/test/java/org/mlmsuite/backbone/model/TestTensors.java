package org.mlmsuite.backbone.model;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Java arrays to and from tensors, for tests. */
final class TestTensors {
  private TestTensors() {}

  static TInt32 ints(int[][] rows) {
    int cols = rows[0].length;
    int[] flat = new int[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return TInt32.tensorOf(Shape.of(rows.length, cols), DataBuffers.of(flat, true, false));
  }

  static TFloat32 floats(float[][] rows) {
    int cols = rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return floats(Shape.of(rows.length, cols), flat);
  }

  static TFloat32 floats(Shape shape, float[] flat) {
    return TFloat32.tensorOf(shape, DataBuffers.of(flat, true, false));
  }

  static float[] values(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  static double[] doubles(Tensor tensor) {
    float[] f = values(tensor);
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
