package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mlmsuite.backbone.text.Vocabulary;
import org.tensorflow.Session;

/**
 * Greedy or beam generation for many sources with an inference {@link Seq2SeqGraph}: sources are
 * sorted by length and decoded in batches (at most {@code maxRows} live hypotheses per session
 * run), each batch encoded once and decoded incrementally with cached keys/values. Thread-safe if
 * the session is (TF sessions are): every call keeps its own decoding state.
 */
public final class Seq2SeqGenerator {
  private static final int DEFAULT_MAX_ROWS = 64;

  private final Session session;
  private final Seq2SeqGraph graph;
  private final Vocabulary vocab;
  private final int maxRows;

  public Seq2SeqGenerator(Session session, Seq2SeqGraph graph, Vocabulary vocab) {
    this(session, graph, vocab, DEFAULT_MAX_ROWS);
  }

  public Seq2SeqGenerator(Session session, Seq2SeqGraph graph, Vocabulary vocab, int maxRows) {
    this.session = session;
    this.graph = graph;
    this.vocab = vocab;
    this.maxRows = maxRows;
  }

  /**
   * The best hypothesis per source (generated ids without BOS/EOS), in input order; sources are
   * {@code [CLS] .. [SEP]} ids. [PAD], [CLS] and [MASK] are never generated (they carry no text).
   * The generated
   * length is capped by {@code options.maxLength()} and by the model's position table.
   */
  public List<BeamSearch.Hypothesis> generate(List<int[]> sources, GenerationOptions options) {
    int positions = graph.config().maxPositions();
    GenerationOptions capped = options.maxLength() <= positions ? options
        : options.withMaxLength(positions);
    Integer[] order = new Integer[sources.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> sources.get(i).length));
    int perBatch = Math.max(1, maxRows / options.beamSize());
    BeamSearch.Hypothesis[] out = new BeamSearch.Hypothesis[sources.size()];
    BeamSearch search = new BeamSearch(vocab.clsId(), vocab.sepId(),
        new int[] {vocab.padId(), vocab.clsId(), vocab.maskId()});
    for (int from = 0; from < order.length; from += perBatch) {
      int to = Math.min(order.length, from + perBatch);
      List<int[]> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(sources.get(order[k]));
      }
      try (IncrementalDecoder decoder = new IncrementalDecoder(session, graph, batch, vocab.padId())) {
        List<BeamSearch.Hypothesis> best = search.searchBatch(decoder, batch.size(), capped);
        for (int k = from; k < to; k++) {
          out[order[k]] = best.get(k - from);
        }
      }
    }
    return Arrays.asList(out);
  }
}
