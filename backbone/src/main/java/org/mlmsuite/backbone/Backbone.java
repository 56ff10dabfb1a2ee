package org.mlmsuite.backbone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A pretrained backbone opened for use: {@link #fillMask} answers what the masked-LM head
 * predicts, {@link #embed} gives one vector per text. Thread-safe (the TensorFlow session is, and nothing else here is mutable); close it
 * to free the native graph.
 */
public final class Backbone implements AutoCloseable {
  /** One candidate for a {@code [MASK]}: a vocabulary token, its id and its probability. */
  public record Candidate(String token, int id, double probability) {}

  private static final int EMBED_BATCH = 32;
  private static final int FILL_MASK_BATCH = 32;
  /** Texts times mask slots per fill-mask run: bounds the graph's [B, M, V] log-probabilities (62 MB for BERT's 30,522 pieces). */
  private static final int FILL_MASK_SLOTS = 512;

  private final ModelDirectory directory;
  private final WordPieceTokenizer tokenizer;
  private final Graph graph;
  private final Session session;
  private final BertForMaskedLm model;
  /** False when opened with {@link #openEncoder} on a folder whose weights have no masked-LM head. */
  private final boolean hasMlmHead;
  private final int hiddenSize;
  /** How many candidates per mask: a scalar fed to {@link #topCandidates}. */
  private final Placeholder<TInt32> topK;
  /** The top {@link #topK} log-probabilities and ids at each mask slot: [B, M, k] (ties: lower id first). */
  private final TopK<TFloat32, TInt32> topCandidates;

  private Backbone(ModelDirectory directory, boolean withMlmHead) {
    this.directory = directory;
    this.tokenizer = directory.tokenizer();
    TransformerConfig config = directory.config();
    this.hiddenSize = config.hiddenSize();
    this.graph = new Graph();
    Session opened = null;
    try {
      Ops tf = Ops.create(graph);
      this.model = BertForMaskedLm.build(tf, config.withDropout(0, 0), 0);
      this.topK = tf.withName("fill_mask_top_k").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      this.topCandidates = tf.nn.topK(model.maskedLogProbs(), topK, TInt32.class, TopK.sorted(true));
      opened = new Session(graph);
      WeightLoader.from(directory.weightsPrefix())
          .sameNames(model.parameters().stream().map(Parameter::name)
              .filter(name -> withMlmHead || name.startsWith("bert.")).toList())
          .restoreInto(opened, graph);
      this.session = opened;
      this.hasMlmHead = withMlmHead;
    } catch (RuntimeException e) {
      // the session first: Graph.close waits for every session on the graph to close
      if (opened != null) {
        opened.close();
      }
      graph.close();
      throw e;
    }
  }

  /** Opens a backbone folder ({@code mlm backbone import}, {@code mlm pretrain} or {@code mlm backbone init} output). */
  public static Backbone open(Path dir) {
    return new Backbone(ModelDirectory.open(dir, UntrainedBackbone.KIND), true);
  }

  /**
   * Opens the encoder ({@code bert.*} weights) of any model folder built on a backbone, such as a
   * classifier's fine-tuned one, for {@link #embed}; {@link #fillMask} needs a backbone folder.
   */
  public static Backbone openEncoder(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, null);
    return new Backbone(model, model.kind().equals(UntrainedBackbone.KIND));
  }

  public ModelDirectory directory() {
    return directory;
  }

  /**
   * For each {@code [MASK]} in {@code text}, in order, the {@code topK} most probable tokens: the
   * one-text case of {@link #fillMask(List, int)}.
   *
   * @throws IllegalArgumentException if the text has no {@code [MASK]}
   */
  public List<List<Candidate>> fillMask(String text, int topK) {
    List<List<Candidate>> masks = fillMask(List.of(text), topK).get(0);
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("no [MASK] in \"" + text + "\"");
    }
    return masks;
  }

  /**
   * For each text, in input order, and each of its {@code [MASK]}s, in order, the {@code topK} most
   * probable tokens. A text with no {@code [MASK]} (or none left after the cut to the tokenizer's
   * maximum length) gets an empty list and costs no model run. The texts with masks are sorted by
   * mask count, then length, and run up to 32 at a time (fewer when they hold many masks: at most
   * 512 mask slots a run, as each slot's output is a vocabulary-wide row), each batch padded to its
   * longest text; the top-k is taken in the graph, so only k candidates per mask come back. A text
   * given more than once runs once and its (unmodifiable) lists are shared. The results equal the
   * one-text ones up to float rounding.
   */
  public List<List<List<Candidate>>> fillMask(List<String> texts, int topK) {
    if (!hasMlmHead) {
      throw new IllegalStateException(directory.path() + " holds a '" + directory.kind()
          + "' model, which has no masked-LM head; fill-mask needs a backbone folder");
    }
    int maskId = tokenizer.vocabulary().maskId();
    List<MaskedText> masked = new ArrayList<>();
    List<List<List<Candidate>>> out = new ArrayList<>(texts.size());
    Map<String, Integer> firstOf = new HashMap<>(); // a repeated text (augmented copies often are) runs once
    for (int i = 0; i < texts.size(); i++) {
      out.add(List.of());
      if (firstOf.putIfAbsent(texts.get(i), i) != null) {
        continue;
      }
      Encoding encoding = tokenizer.encode(texts.get(i));
      int[] positions = IntStream.range(0, encoding.length()).filter(p -> encoding.ids()[p] == maskId).toArray();
      if (positions.length > 0) {
        masked.add(new MaskedText(i, encoding, positions));
      }
    }
    // by mask count, then length: a batch's texts share their count of mask slots (padding slots
    // would each cost a vocabulary-wide output row) and nearly their length
    masked.sort(Comparator.comparingInt((MaskedText m) -> m.positions().length).thenComparingInt(m -> m.encoding().length()));
    int from = 0;
    while (from < masked.size()) {
      int to = from + 1;
      int slots = masked.get(from).positions().length;
      while (to < masked.size() && to - from < FILL_MASK_BATCH) {
        slots = Math.max(slots, masked.get(to).positions().length);
        if ((to - from + 1) * slots > FILL_MASK_SLOTS) {
          break;
        }
        to++;
      }
      List<MaskedText> batch = masked.subList(from, to);
      List<List<List<Candidate>>> filled = fillMaskBatch(batch, topK);
      for (int k = 0; k < batch.size(); k++) {
        out.set(batch.get(k).index(), filled.get(k));
      }
      from = to;
    }
    for (int i = 0; i < texts.size(); i++) {
      out.set(i, out.get(firstOf.get(texts.get(i))));
    }
    return out;
  }

  /** A text to fill: its place in the input, its encoding and where its [MASK]s are. */
  private record MaskedText(int index, Encoding encoding, int[] positions) {}

  private List<List<List<Candidate>>> fillMaskBatch(List<MaskedText> batch, int topK) {
    int b = batch.size();
    int t = batch.stream().mapToInt(x -> x.encoding().length()).max().orElseThrow();
    int m = batch.stream().mapToInt(x -> x.positions().length).max().orElseThrow();
    int vocabSize = tokenizer.vocabulary().size();
    int[] ids = new int[b * t]; // [B, T], padded with [PAD] and attention 0
    int[] types = new int[b * t];
    int[] attention = new int[b * t];
    int[] positions = new int[b * m]; // [B, M], extra slots point at position 0 with weight 0
    float[] weights = new float[b * m];
    java.util.Arrays.fill(ids, tokenizer.vocabulary().padId());
    for (int i = 0; i < b; i++) {
      Encoding e = batch.get(i).encoding();
      System.arraycopy(e.ids(), 0, ids, i * t, e.length());
      System.arraycopy(e.typeIds(), 0, types, i * t, e.length());
      System.arraycopy(e.attentionMask(), 0, attention, i * t, e.length());
      int[] p = batch.get(i).positions();
      System.arraycopy(p, 0, positions, i * m, p.length);
      java.util.Arrays.fill(weights, i * m, i * m + p.length, 1f);
    }
    int k = Math.max(0, Math.min(topK, vocabSize));
    float[] logProbs = new float[b * m * k]; // [B, M, k]
    int[] tokenIds = new int[b * m * k];
    try (Feeds feeds = new Feeds()) {
      feeds.put(model.inputs().inputIds(), TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(ids, true, false)))
          .put(model.inputs().tokenTypeIds(), TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(types, true, false)))
          .put(model.inputs().attentionMask(), TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(attention, true, false)))
          .put(model.maskedPositions(), TInt32.tensorOf(Shape.of(b, m), DataBuffers.of(positions, true, false)))
          .put(model.maskedLabelIds(), TInt32.tensorOf(Shape.of(b, m), DataBuffers.of(new int[b * m], true, false)))
          .put(model.maskedWeights(), TFloat32.tensorOf(Shape.of(b, m), DataBuffers.of(weights, true, false)))
          .put(this.topK, TInt32.scalarOf(k));
      try (Result r = ExitGate.run(feeds.applyTo(session.runner())
          .fetch(topCandidates.values()).fetch(topCandidates.indices()))) {
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(logProbs, false, false));
        ((TInt32) r.get(1)).copyTo(DataBuffers.of(tokenIds, false, false));
      }
    }
    List<List<List<Candidate>>> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      List<List<Candidate>> masks = new ArrayList<>();
      for (int slot = 0; slot < batch.get(i).positions().length; slot++) {
        List<Candidate> best = new ArrayList<>(k);
        for (int r = (i * m + slot) * k; r < (i * m + slot + 1) * k; r++) {
          best.add(new Candidate(tokenizer.vocabulary().token(tokenIds[r]), tokenIds[r], Math.exp(logProbs[r])));
        }
        masks.add(List.copyOf(best));
      }
      out.add(List.copyOf(masks));
    }
    return out;
  }

  /**
   * One vector per text: the mean of the encoder's last hidden states over the text's tokens
   * ([CLS] and [SEP] included, padding not), in input order; texts are cut to the tokenizer's
   * maximum length and run 32 at a time.
   */
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
      out.addAll(embedBatch(tokenizer.encodeBatch(texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH)))));
    }
    return out;
  }

  private List<float[]> embedBatch(List<Encoding> batch) {
    int b = batch.size();
    int t = batch.get(0).length();
    int h = hiddenSize;
    int[] ids = new int[b * t];
    int[] types = new int[b * t];
    int[] attention = new int[b * t];
    for (int i = 0; i < b; i++) {
      System.arraycopy(batch.get(i).ids(), 0, ids, i * t, t);
      System.arraycopy(batch.get(i).typeIds(), 0, types, i * t, t);
      System.arraycopy(batch.get(i).attentionMask(), 0, attention, i * t, t);
    }
    float[] hidden = new float[b * t * h]; // [B, T, H]
    try (TInt32 idsT = TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(ids, true, false));
        TInt32 typesT = TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(types, true, false));
        TInt32 attentionT = TInt32.tensorOf(Shape.of(b, t), DataBuffers.of(attention, true, false));
        Result r = ExitGate.run(session.runner()
            .feed(model.inputs().inputIds(), idsT)
            .feed(model.inputs().tokenTypeIds(), typesT)
            .feed(model.inputs().attentionMask(), attentionT)
            .fetch(model.sequenceOutput()))) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(hidden, false, false));
    }
    List<float[]> vectors = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      float[] mean = new float[h];
      int tokens = 0;
      for (int p = 0; p < t; p++) {
        if (attention[i * t + p] == 1) {
          tokens++;
          for (int k = 0; k < h; k++) {
            mean[k] += hidden[(i * t + p) * h + k];
          }
        }
      }
      for (int k = 0; k < h; k++) {
        mean[k] /= tokens;
      }
      vectors.add(mean);
    }
    return vectors;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
