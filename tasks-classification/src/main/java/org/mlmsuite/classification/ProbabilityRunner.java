package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Runs a {@link ClassifierGraph} with dropout off over examples in batches of similar length and
 * returns per-example class probabilities in input order; for documents cut into several windows,
 * the {@link LongTextStrategy} pools the windows' logits into one prediction. Stateless: safe to call from many
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
    return run(session, examples).probabilities();
  }

  /**
   * [D][C] probabilities of documents: a one-window document's is its window's; a longer one's is
   * the softmax of its windows' logits pooled by {@code longText}.
   */
  float[][] documentProbabilities(Session session, List<EncodedDocument> documents, LongTextStrategy longText) {
    List<EncodedExample> windows = new ArrayList<>();
    for (EncodedDocument d : documents) {
      windows.addAll(d.windows());
    }
    Rows rows = run(session, windows);
    float[][] out = new float[documents.size()][];
    int w = 0;
    for (int i = 0; i < out.length; i++) {
      int n = documents.get(i).windows().size();
      out[i] = n == 1 ? rows.probabilities()[w]
          : longText.probabilities(java.util.Arrays.copyOfRange(rows.logits(), w, w + n));
      w += n;
    }
    return out;
  }

  /** [N][C] logits and probabilities of each example, in input order. */
  private record Rows(float[][] logits, float[][] probabilities) {}

  private Rows run(Session session, List<EncodedExample> examples) {
    int n = examples.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> examples.get(i).length()));
    Rows out = new Rows(new float[n][], new float[n][]);
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      List<EncodedExample> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(examples.get(order[k]));
      }
      Rows rows = runBatch(session, batch);
      for (int k = from; k < to; k++) {
        out.logits()[order[k]] = rows.logits()[k - from];
        out.probabilities()[order[k]] = rows.probabilities()[k - from];
      }
    }
    return out;
  }

  private Rows runBatch(Session session, List<EncodedExample> batch) {
    try (Feeds feeds = new Feeds()) {
      BatchTensors.feedInputs(batch, graph.inputs(), padId, feeds);
      try (Result result = ExitGate.run(feeds.applyTo(session.runner()).fetch(graph.logits()).fetch(graph.probabilities()))) {
        return new Rows(rows((TFloat32) result.get(0), batch.size()), rows((TFloat32) result.get(1), batch.size()));
      }
    }
  }

  private static float[][] rows(TFloat32 t, int n) {
    int classes = (int) t.shape().size(1);
    float[][] rows = new float[n][classes];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < classes; c++) {
        rows[i][c] = t.getFloat(i, c);
      }
    }
    return rows;
  }
}
