package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Runs a {@link ClassifierGraph} with dropout off over examples in batches of similar length and
 * returns per-example class probabilities in input order. Stateless: safe to call from many
 * threads on one session (TF sessions are thread-safe for {@code run}).
 */
final class ProbabilityRunner {
  private final ClassifierGraph graph;
  private final int padId;
  private final int batchSize;

  ProbabilityRunner(ClassifierGraph graph, int padId, int batchSize) {
    this.graph = graph;
    this.padId = padId;
    this.batchSize = batchSize;
  }

  /** [N][C] probabilities. Examples are sorted by length into batches, results put back in order. */
  float[][] probabilities(Session session, List<EncodedExample> examples) {
    int n = examples.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> examples.get(i).length()));
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      List<EncodedExample> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(examples.get(order[k]));
      }
      float[][] probs = run(session, batch);
      for (int k = from; k < to; k++) {
        out[order[k]] = probs[k - from];
      }
    }
    return out;
  }

  private float[][] run(Session session, List<EncodedExample> batch) {
    try (Feeds feeds = new Feeds()) {
      BatchTensors.feedInputs(batch, graph.inputs(), padId, feeds);
      try (Result result = feeds.applyTo(session.runner()).fetch(graph.probabilities()).run()) {
        TFloat32 p = (TFloat32) result.get(0);
        int classes = (int) p.shape().size(1);
        float[][] rows = new float[batch.size()][classes];
        for (int i = 0; i < rows.length; i++) {
          for (int c = 0; c < classes; c++) {
            rows[i][c] = p.getFloat(i, c);
          }
        }
        return rows;
      }
    }
  }
}
