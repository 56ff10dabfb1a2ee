package org.mlmsuite.classification;

import java.util.List;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;

/** Pads a batch to its longest example and puts the [B, T] encoder feeds (and labels) into {@link Feeds}. */
final class BatchTensors {
  private BatchTensors() {}

  /** Feeds the encoder inputs; returns the number of real (non-padding) tokens. */
  static long feedInputs(List<EncodedExample> batch, EncoderInputs inputs, int padId, Feeds feeds) {
    int b = batch.size();
    int t = batch.stream().mapToInt(EncodedExample::length).max().orElse(0);
    int[] ids = new int[b * t];
    int[] types = new int[b * t];
    int[] mask = new int[b * t];
    java.util.Arrays.fill(ids, padId);
    long tokens = 0;
    for (int i = 0; i < b; i++) {
      EncodedExample e = batch.get(i);
      System.arraycopy(e.ids(), 0, ids, i * t, e.length());
      System.arraycopy(e.typeIds(), 0, types, i * t, e.length());
      java.util.Arrays.fill(mask, i * t, i * t + e.length(), 1);
      tokens += e.length();
    }
    Shape shape = Shape.of(b, t);
    feeds.put(inputs.inputIds(), TInt32.tensorOf(shape, DataBuffers.of(ids, true, false)));
    feeds.put(inputs.tokenTypeIds(), TInt32.tensorOf(shape, DataBuffers.of(types, true, false)));
    feeds.put(inputs.attentionMask(), TInt32.tensorOf(shape, DataBuffers.of(mask, true, false)));
    return tokens;
  }

  static void feedLabels(List<EncodedExample> batch, ClassifierGraph graph, Feeds feeds) {
    feeds.put(graph.labels(), TInt32.vectorOf(batch.stream().mapToInt(EncodedExample::label).toArray()));
  }
}
