package org.mlmsuite.backbone.seq2seq;

import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;

/** Variable-length id sequences padded into one [B, T] int32 tensor, with the matching mask. */
final class IntBatch {
  private IntBatch() {}

  /** Rows padded with {@code pad} to the longest row: [B, T]. */
  static TInt32 padded(List<int[]> rows, int pad) {
    int b = rows.size();
    int t = longest(rows);
    int[] flat = new int[b * t];
    java.util.Arrays.fill(flat, pad);
    for (int i = 0; i < b; i++) {
      System.arraycopy(rows.get(i), 0, flat, i * t, rows.get(i).length);
    }
    return TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(flat, true, false));
  }

  /** 1 for real positions, 0 for padding: [B, T]. */
  static TInt32 mask(List<int[]> rows) {
    int b = rows.size();
    int t = longest(rows);
    int[] flat = new int[b * t];
    for (int i = 0; i < b; i++) {
      java.util.Arrays.fill(flat, i * t, i * t + rows.get(i).length, 1);
    }
    return TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(flat, true, false));
  }

  /** All zeros shaped like {@link #padded}: the token types of single-segment inputs. */
  static TInt32 zeros(List<int[]> rows) {
    // written explicitly: new TF tensors are not zeroed
    int[] flat = new int[rows.size() * longest(rows)];
    return TInt32.tensorOf(Shape.of(rows.size(), longest(rows)), DataBuffers.of(flat, true, false));
  }

  static TInt32 vector(int[] values) {
    return TInt32.tensorOf(Shape.of(values.length), DataBuffers.of(values, true, false));
  }

  static int longest(List<int[]> rows) {
    int t = 0;
    for (int[] r : rows) {
      t = Math.max(t, r.length);
    }
    return t;
  }
}
