package org.mlmsuite.backbone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
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

  private final ModelDirectory directory;
  private final WordPieceTokenizer tokenizer;
  private final Graph graph;
  private final Session session;
  private final BertForMaskedLm model;
  /** False when opened with {@link #openEncoder} on a folder whose weights have no masked-LM head. */
  private final boolean hasMlmHead;
  private final int hiddenSize;

  private Backbone(ModelDirectory directory, boolean withMlmHead) {
    this.directory = directory;
    this.tokenizer = directory.tokenizer();
    TransformerConfig config = directory.config();
    this.hiddenSize = config.hiddenSize();
    this.graph = new Graph();
    Session opened = null;
    try {
      this.model = BertForMaskedLm.build(Ops.create(graph), config.withDropout(0, 0), 0);
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
   * For each {@code [MASK]} in {@code text}, in order, the {@code topK} most probable tokens.
   *
   * @throws IllegalArgumentException if the text has no {@code [MASK]}
   */
  public List<List<Candidate>> fillMask(String text, int topK) {
    if (!hasMlmHead) {
      throw new IllegalStateException(directory.path() + " holds a '" + directory.kind()
          + "' model, which has no masked-LM head; fill-mask needs a backbone folder");
    }
    Encoding encoding = tokenizer.encode(text);
    int maskId = tokenizer.vocabulary().maskId();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < encoding.length(); i++) {
      if (encoding.ids()[i] == maskId) {
        positions.add(i);
      }
    }
    if (positions.isEmpty()) {
      throw new IllegalArgumentException("no [MASK] in \"" + text + "\"");
    }
    int t = encoding.length();
    int m = positions.size();
    int vocabSize = tokenizer.vocabulary().size();
    float[] logProbs = new float[m * vocabSize];
    float[] ones = new float[m];
    java.util.Arrays.fill(ones, 1f);
    try (TInt32 ids = TInt32.tensorOf(Shape.of(1, t), DataBuffers.of(encoding.ids(), true, false));
        TInt32 types = TInt32.tensorOf(Shape.of(1, t), DataBuffers.of(encoding.typeIds(), true, false));
        TInt32 attention = TInt32.tensorOf(Shape.of(1, t), DataBuffers.of(encoding.attentionMask(), true, false));
        TInt32 slots = TInt32.tensorOf(Shape.of(1, m), DataBuffers.of(positions.stream().mapToInt(Integer::intValue).toArray(), true, false));
        TInt32 labels = TInt32.tensorOf(Shape.of(1, m), DataBuffers.of(new int[m], true, false));
        TFloat32 weights = TFloat32.tensorOf(Shape.of(1, m), DataBuffers.of(ones, true, false));
        Result r = session.runner()
            .feed(model.inputs().inputIds(), ids)
            .feed(model.inputs().tokenTypeIds(), types)
            .feed(model.inputs().attentionMask(), attention)
            .feed(model.maskedPositions(), slots)
            .feed(model.maskedLabelIds(), labels)
            .feed(model.maskedWeights(), weights)
            .fetch(model.maskedLogProbs())
            .run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(logProbs, false, false));
    }
    List<List<Candidate>> out = new ArrayList<>();
    for (int slot = 0; slot < m; slot++) {
      out.add(top(logProbs, slot * vocabSize, vocabSize, topK));
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
        Result r = session.runner()
            .feed(model.inputs().inputIds(), idsT)
            .feed(model.inputs().tokenTypeIds(), typesT)
            .feed(model.inputs().attentionMask(), attentionT)
            .fetch(model.sequenceOutput())
            .run()) {
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

  private List<Candidate> top(float[] logProbs, int offset, int size, int k) {
    Integer[] ids = new Integer[size];
    for (int i = 0; i < size; i++) {
      ids[i] = i;
    }
    java.util.Arrays.sort(ids, (a, b) -> Float.compare(logProbs[offset + b], logProbs[offset + a]));
    List<Candidate> best = new ArrayList<>();
    for (int i = 0; i < Math.min(k, size); i++) {
      best.add(new Candidate(tokenizer.vocabulary().token(ids[i]), ids[i], Math.exp(logProbs[offset + ids[i]])));
    }
    return best;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
