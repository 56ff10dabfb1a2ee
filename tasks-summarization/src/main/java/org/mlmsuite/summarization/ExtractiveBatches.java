package org.mlmsuite.summarization;

import java.util.Arrays;
import java.util.List;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Pads a batch of {@link ExtractiveInput}s into the graph's feeds and runs the scorer. */
final class ExtractiveBatches {
  private ExtractiveBatches() {}

  /** Feeds inputs, [CLS] indices, mask and labels; returns the number of real tokens. */
  static long feed(List<ExtractiveInput> batch, ExtractiveGraph g, int padId, Feeds feeds) {
    int b = batch.size();
    int t = Math.max(1, batch.stream().mapToInt(ExtractiveInput::length).max().orElse(0));
    int s = Math.max(1, batch.stream().mapToInt(ExtractiveInput::sentences).max().orElse(0));
    int[] ids = new int[b * t];
    int[] types = new int[b * t];
    int[] mask = new int[b * t];
    int[] cls = new int[b * s];
    float[] sentenceMask = new float[b * s];
    float[] labels = new float[b * s];
    Arrays.fill(ids, padId);
    long tokens = 0;
    for (int i = 0; i < b; i++) {
      ExtractiveInput e = batch.get(i);
      System.arraycopy(e.ids(), 0, ids, i * t, e.length());
      System.arraycopy(e.typeIds(), 0, types, i * t, e.length());
      Arrays.fill(mask, i * t, i * t + e.length(), 1);
      Arrays.fill(cls, i * s, i * s + s, i * t); // padding sentences point at row i's first token
      for (int j = 0; j < e.sentences(); j++) {
        cls[i * s + j] = i * t + e.clsPositions()[j];
        sentenceMask[i * s + j] = 1f;
        labels[i * s + j] = e.labels()[j];
      }
      tokens += e.length();
    }
    Shape tokensShape = Shape.of(b, t);
    Shape sentencesShape = Shape.of(b, s);
    feeds.put(g.inputs().inputIds(), TInt32.tensorOf(tokensShape, DataBuffers.of(ids, true, false)));
    feeds.put(g.inputs().tokenTypeIds(), TInt32.tensorOf(tokensShape, DataBuffers.of(types, true, false)));
    feeds.put(g.inputs().attentionMask(), TInt32.tensorOf(tokensShape, DataBuffers.of(mask, true, false)));
    feeds.put(g.clsIndex(), TInt32.tensorOf(sentencesShape, DataBuffers.of(cls, true, false)));
    feeds.put(g.sentenceMask(), TFloat32.tensorOf(sentencesShape, DataBuffers.of(sentenceMask, true, false)));
    feeds.put(g.labels(), TFloat32.tensorOf(sentencesShape, DataBuffers.of(labels, true, false)));
    return tokens;
  }

  /** Sentence scores per input (length = its kept sentences), in input order; dropout off. */
  static double[][] score(Session session, ExtractiveGraph g, int padId, List<ExtractiveInput> inputs, int batchSize) {
    double[][] out = new double[inputs.size()][];
    for (int from = 0; from < inputs.size(); from += batchSize) {
      List<ExtractiveInput> batch = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
      try (Feeds feeds = new Feeds()) {
        feed(batch, g, padId, feeds);
        try (Result result = ExitGate.run(feeds.applyTo(session.runner()).fetch(g.scores()))) {
          TFloat32 p = (TFloat32) result.get(0);
          for (int i = 0; i < batch.size(); i++) {
            double[] row = new double[batch.get(i).sentences()];
            for (int j = 0; j < row.length; j++) {
              row[j] = p.getFloat(i, j);
            }
            out[from + i] = row;
          }
        }
      }
    }
    return out;
  }
}
