package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class Seq2SeqGraphTest {
  private static final int VOCAB = 23;
  private static final int PAD = 0;
  // a large init std so logits vary a lot: equalities below are then far from trivially true
  private static final TransformerConfig CONFIG =
      new TransformerConfig(VOCAB, 16, 2, 2, 32, 40, 2, 0.0, 0.0, 1e-12, 0.5);

  /** Teacher-forced log-probs [B][T][V] of {@code examples}. */
  private static float[][][] teacherForced(Session s, Seq2SeqGraph g, List<Seq2SeqExample> examples) {
    try (Feeds feeds = new Feeds()) {
      g.feed(examples, feeds, PAD);
      try (Result r = feeds.applyTo(s.runner()).fetch(g.logProbs()).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        int b = (int) t.shape().size(0);
        int len = (int) t.shape().size(1);
        float[] flat = new float[b * len * VOCAB];
        t.copyTo(DataBuffers.of(flat, false, false));
        float[][][] out = new float[b][len][VOCAB];
        for (int i = 0; i < b; i++) {
          for (int j = 0; j < len; j++) {
            System.arraycopy(flat, (i * len + j) * VOCAB, out[i][j], 0, VOCAB);
          }
        }
        return out;
      }
    }
  }

  @Test
  void laterTargetTokensNeverChangeEarlierPositions() {
    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forTraining(Ops.create(graph), CONFIG, 0.1, 0.5, 3);
      try (Session s = new Session(graph)) {
        s.initialize();
        int[] source = {2, 7, 8, 9, 3};
        Seq2SeqExample a = new Seq2SeqExample(source, new int[] {2, 10, 11, 12, 13, 14, 3});
        Seq2SeqExample b = new Seq2SeqExample(source, new int[] {2, 10, 11, 12, 20, 21, 3});
        float[][][] out = teacherForced(s, g, List.of(a, b));
        // decoder input [CLS] 10 11 12 x y: positions 0..3 see only tokens before the change at 4
        // (equal up to float rounding: batched matmuls may sum in another order)
        for (int t = 0; t < 4; t++) {
          for (int v = 0; v < VOCAB; v++) {
            assertEquals(out[0][t][v], out[1][t][v], 1e-5, "position " + t + " token " + v);
          }
        }
        assertTrue(maxDiff(out[0][4], out[1][4]) > 1e-3, "position 4 reads the changed token");
      }
    }
  }

  @Test
  void cachedIncrementalStepsEqualTheFullDecoderIncludingReorderedRows() {
    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forInference(Ops.create(graph), CONFIG);
      try (Session s = new Session(graph)) {
        s.initialize();
        int[] s0 = {2, 5, 6, 7, 8, 9, 3};
        int[] s1 = {2, 15, 16, 3}; // shorter: source padding is exercised
        int[] p0 = {2, 10, 11, 12, 13, 14};
        int[] p1 = {2, 17, 18, 19, 20, 21};
        int[] p0b = {2, 10, 11, 4, 5, 6}; // continues p0's first 3 tokens in a duplicated row
        // rows after the reorder at step 3: [row 0, row 0, row 1]
        float[][][] full = teacherForced(s, g, List.of(
            new Seq2SeqExample(s0, append(p0, 3)), new Seq2SeqExample(s0, append(p0b, 3)),
            new Seq2SeqExample(s1, append(p1, 3))));
        double worst = 0;
        try (IncrementalDecoder dec = new IncrementalDecoder(s, g, List.of(s0, s1), PAD)) {
          for (int t = 0; t < 6; t++) {
            if (t == 3) {
              dec.reorder(new int[] {0, 0, 1});
            }
            int[] tokens = t < 3 ? new int[] {p0[t], p1[t]} : new int[] {p0[t], p0b[t], p1[t]};
            float[][] step = dec.logProbs(tokens);
            int[] fullRow = t < 3 ? new int[] {0, 2} : new int[] {0, 1, 2};
            for (int r = 0; r < step.length; r++) {
              worst = Math.max(worst, maxDiff(step[r], full[fullRow[r]][t]));
            }
          }
        }
        System.out.printf("cached step vs full decoder: max |log-prob difference| %.2e%n", worst);
        assertTrue(worst < 1e-5, "max difference " + worst);
      }
    }
  }

  @Test
  void lossIsLabelSmoothedCrossEntropyOverNonPaddingTokens() {
    double eps = 0.1;
    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forTraining(Ops.create(graph), CONFIG, eps, 0.5, 5);
      try (Session s = new Session(graph)) {
        s.initialize();
        List<Seq2SeqExample> batch = List.of(
            new Seq2SeqExample(new int[] {2, 5, 6, 3}, new int[] {2, 7, 8, 9, 3}),
            new Seq2SeqExample(new int[] {2, 5, 3}, new int[] {2, 11, 3})); // padded target
        float[][][] lp = teacherForced(s, g, batch);
        double sum = 0;
        double nll = 0;
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
          int[] labels = batch.get(i).labels();
          for (int t = 0; t < labels.length; t++) {
            double mean = 0;
            for (int v = 0; v < VOCAB; v++) {
              mean -= lp[i][t][v] / VOCAB;
            }
            sum += (1 - eps) * -lp[i][t][labels[t]] + eps * mean;
            nll -= lp[i][t][labels[t]];
            count++;
          }
        }
        assertEquals(6, count);
        try (Feeds feeds = new Feeds()) {
          long tokens = g.feed(batch, feeds, PAD);
          assertEquals(6, tokens);
          try (Result r = feeds.applyTo(s.runner()).fetch(g.loss()).fetch(g.nllSum()).fetch(g.tokenCount()).run()) {
            assertEquals(sum / count, ((TFloat32) r.get(0)).getFloat(), 1e-5);
            assertEquals(nll, ((TFloat32) r.get(1)).getFloat(), 1e-4);
            assertEquals(6f, ((TFloat32) r.get(2)).getFloat());
          }
        }
      }
    }
  }

  @Test
  void variablesFollowTheBert2BertLayout() {
    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forTraining(Ops.create(graph), CONFIG, 0.1, 0.5, 3);
      List<String> names = g.parameterNames();
      List<String> expected = new ArrayList<>(List.of(
          "bert.embeddings.word_embeddings.weight",
          "bert.encoder.layer.1.output.LayerNorm.weight",
          "decoder.embeddings.word_embeddings.weight",
          "decoder.layer.0.attention.self.query.weight",
          "decoder.layer.1.crossattention.self.key.bias",
          "decoder.layer.1.crossattention.output.LayerNorm.weight",
          "decoder.cls.predictions.transform.dense.weight",
          "decoder.cls.predictions.bias"));
      expected.removeAll(names);
      assertEquals(List.of(), expected);
      assertTrue(names.stream().noneMatch(n -> n.startsWith("bert.pooler") || n.contains("decoder.weight")),
          "no pooler, and the output projection is tied (no separate decoder matrix)");
    }
  }

  static int[] append(int[] a, int x) {
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = x;
    return out;
  }

  static double maxDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
