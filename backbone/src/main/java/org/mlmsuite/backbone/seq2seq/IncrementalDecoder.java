package org.mlmsuite.backbone.seq2seq;

import java.util.List;
import org.mlmsuite.backbone.train.ExitGate;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A {@link StepFunction} over a {@link Seq2SeqGraph.DecodingStep}: runs the encoder once for a
 * batch of sources (fetching every layer's cross-attention keys/values), then one session run per
 * step that feeds the previous step's self-attention caches back and fetches the grown ones, so a
 * step costs the same whatever the prefix length (apart from attention over the cache). Reordering
 * (beam search) is a gather inside the next step. Not thread-safe; one instance per search.
 */
final class IncrementalDecoder implements StepFunction, AutoCloseable {
  private final Session session;
  private final Seq2SeqGraph.DecodingStep step;
  private final int layers;
  private final TInt32 sourceMask;
  private final Result encoded; // per layer: cross keys, cross values [B, A, S, D]
  private Result cache; // previous step: log-probs, then per layer present keys, values
  private int[] rowSources;
  private int[] parents;
  private int position;

  /** {@code sources}: token ids with [CLS]/[SEP], unpadded. */
  IncrementalDecoder(Session session, Seq2SeqGraph graph, List<int[]> sources, int padId) {
    this.session = session;
    this.step = graph.step();
    this.layers = step.layers();
    int b = sources.size();
    this.sourceMask = IntBatch.mask(sources);
    try (TInt32 ids = IntBatch.padded(sources, padId); TInt32 types = IntBatch.zeros(sources)) {
      Session.Runner runner = session.runner()
          .feed(graph.source().inputIds(), ids)
          .feed(graph.source().tokenTypeIds(), types)
          .feed(graph.source().attentionMask(), sourceMask);
      for (int i = 0; i < layers; i++) {
        runner.fetch(step.encoderCrossKeys().get(i)).fetch(step.encoderCrossValues().get(i));
      }
      this.encoded = ExitGate.run(runner);
    } catch (RuntimeException e) {
      sourceMask.close();
      throw e;
    }
    this.rowSources = new int[b];
    this.parents = new int[b];
    for (int i = 0; i < b; i++) {
      rowSources[i] = i;
      parents[i] = i;
    }
  }

  @Override
  public float[][] logProbs(int[] lastTokens) {
    int n = lastTokens.length;
    if (n != rowSources.length) {
      throw new IllegalArgumentException(n + " tokens for " + rowSources.length + " rows");
    }
    TFloat32 empty = cache == null
        ? TFloat32.tensorOf(Shape.of(parents.length, step.numHeads(), 0, step.headSize())) : null;
    Result next;
    try (TInt32 tokens = IntBatch.vector(lastTokens);
        TInt32 pos = TInt32.scalarOf(position);
        TInt32 parentRows = IntBatch.vector(parents);
        TInt32 sourceRows = IntBatch.vector(rowSources)) {
      Session.Runner runner = session.runner()
          .feed(step.tokens(), tokens)
          .feed(step.position(), pos)
          .feed(step.parents(), parentRows)
          .feed(step.sources(), sourceRows)
          .feed(step.sourceMask(), sourceMask)
          .fetch(step.logProbs());
      for (int i = 0; i < layers; i++) {
        runner.feed(step.crossKeys().get(i), encoded.get(2 * i))
            .feed(step.crossValues().get(i), encoded.get(2 * i + 1))
            .feed(step.pastKeys().get(i), cache == null ? empty : cache.get(1 + 2 * i))
            .feed(step.pastValues().get(i), cache == null ? empty : cache.get(2 + 2 * i))
            .fetch(step.presentKeys().get(i))
            .fetch(step.presentValues().get(i));
      }
      next = ExitGate.run(runner);
    } finally {
      if (empty != null) {
        empty.close();
      }
    }
    if (cache != null) {
      cache.close();
    }
    cache = next;
    position++;
    parents = identity(n);
    TFloat32 lp = (TFloat32) next.get(0);
    int vocab = (int) lp.shape().size(1);
    float[] flat = new float[n * vocab];
    lp.copyTo(DataBuffers.of(flat, false, false));
    float[][] out = new float[n][];
    for (int r = 0; r < n; r++) {
      out[r] = java.util.Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
    }
    return out;
  }

  @Override
  public void reorder(int[] parentRows) {
    int[] sources = new int[parentRows.length];
    for (int i = 0; i < parentRows.length; i++) {
      sources[i] = rowSources[parentRows[i]];
    }
    this.parents = parentRows.clone();
    this.rowSources = sources;
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  @Override
  public void close() {
    if (cache != null) {
      cache.close();
    }
    encoded.close();
    sourceMask.close();
  }
}
