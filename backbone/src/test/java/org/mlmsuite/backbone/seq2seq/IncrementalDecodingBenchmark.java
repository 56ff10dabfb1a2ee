package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Decoding cost per step with the key/value cache versus recomputing the whole prefix, for N and 2N
 * generated tokens (EOS ignored so every run has exactly that many steps). With the cache the time
 * per step should stay roughly constant (total linear in N); without it, it grows with the prefix.
 * Off by default; run on a quiet machine:
 * {@code mvn -B -q -o -pl backbone -am verify -Dtest=IncrementalDecodingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true [-Dmlm.benchmark.preset=mini]
 * [-Dmlm.benchmark.tokens=32] [-Dmlm.benchmark.rows=4]}.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class IncrementalDecodingBenchmark {
  private static final int VOCAB = 8000;
  private static final int PAD = 0;

  @Test
  void cachedStepsCostTheSameAtEveryLength() {
    TransformerConfig config = TransformerConfig.preset(System.getProperty("mlm.benchmark.preset", "tiny"), VOCAB);
    int n = Integer.getInteger("mlm.benchmark.tokens", 32);
    int rows = Integer.getInteger("mlm.benchmark.rows", 4);
    Random random = new Random(1);
    List<int[]> sources = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int[] s = new int[30];
      for (int i = 0; i < s.length; i++) {
        s[i] = 5 + random.nextInt(VOCAB - 5);
      }
      sources.add(s);
    }
    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forInference(Ops.create(graph), config);
      try (Session session = new Session(graph)) {
        session.initialize();
        cached(session, g, sources, n); // warm-up
        uncached(session, g, sources, n);
        double c1 = cached(session, g, sources, n);
        double c2 = cached(session, g, sources, 2 * n);
        double u1 = uncached(session, g, sources, n);
        double u2 = uncached(session, g, sources, 2 * n);
        System.out.printf("decoding %s (L%d/H%d), %d rows, source 30 tokens:%n", config.hiddenSize() == 128 ? "tiny" : "preset",
            config.numLayers(), config.hiddenSize(), rows);
        System.out.printf("  cached:   N=%d %.1f ms (%.2f ms/step), 2N=%d %.1f ms (%.2f ms/step), total ratio %.2f%n",
            n, c1, c1 / n, 2 * n, c2, c2 / (2 * n), c2 / c1);
        System.out.printf("  uncached: N=%d %.1f ms (%.2f ms/step), 2N=%d %.1f ms (%.2f ms/step), total ratio %.2f%n",
            n, u1, u1 / n, 2 * n, u2, u2 / (2 * n), u2 / u1);
      }
    }
  }

  /** Milliseconds for {@code steps} cached steps (encoder included), greedy tokens. */
  private static double cached(Session session, Seq2SeqGraph g, List<int[]> sources, int steps) {
    long start = System.nanoTime();
    try (IncrementalDecoder decoder = new IncrementalDecoder(session, g, sources, PAD)) {
      int[] tokens = new int[sources.size()];
      java.util.Arrays.fill(tokens, 2);
      for (int t = 0; t < steps; t++) {
        float[][] lp = decoder.logProbs(tokens);
        for (int r = 0; r < lp.length; r++) {
          tokens[r] = argMax(lp[r]);
        }
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** Milliseconds for {@code steps} steps that re-run encoder and decoder on the whole prefix. */
  private static double uncached(Session session, Seq2SeqGraph g, List<int[]> sources, int steps) {
    long start = System.nanoTime();
    List<int[]> prefixes = new ArrayList<>();
    sources.forEach(s -> prefixes.add(new int[] {2}));
    for (int t = 0; t < steps; t++) {
      List<Seq2SeqExample> batch = new ArrayList<>();
      for (int r = 0; r < sources.size(); r++) {
        int[] p = prefixes.get(r);
        int[] target = java.util.Arrays.copyOf(p, p.length + 1); // + dummy EOS: decoder input = p
        target[p.length] = 3;
        batch.add(new Seq2SeqExample(sources.get(r), target));
      }
      try (Feeds feeds = new Feeds()) {
        g.feed(batch, feeds, PAD);
        try (Result r = feeds.applyTo(session.runner()).fetch(g.logProbs()).run()) {
          org.tensorflow.types.TFloat32 lp = (org.tensorflow.types.TFloat32) r.get(0);
          for (int row = 0; row < sources.size(); row++) {
            int[] p = prefixes.get(row);
            float best = Float.NEGATIVE_INFINITY;
            int arg = 0;
            for (int v = 0; v < VOCAB; v++) {
              float x = lp.getFloat(row, p.length - 1, v);
              if (x > best) {
                best = x;
                arg = v;
              }
            }
            int[] next = java.util.Arrays.copyOf(p, p.length + 1);
            next[p.length] = arg;
            prefixes.set(row, next);
          }
        }
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static int argMax(float[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }
}
