package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.model.AttentionMask;
import org.mlmsuite.backbone.model.BertModel;
import org.mlmsuite.backbone.model.BlockContext;
import org.mlmsuite.backbone.model.Decoder;
import org.mlmsuite.backbone.model.DecoderLayer;
import org.mlmsuite.backbone.model.DropoutControl;
import org.mlmsuite.backbone.model.Embeddings;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.model.Losses;
import org.mlmsuite.backbone.model.MlmHead;
import org.mlmsuite.backbone.model.MultiHeadAttention;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * BERT2BERT (Rothe et al. 2020): an encoder-decoder Transformer whose encoder is the backbone and
 * whose decoder is built from the same blocks, in one graph.
 *
 * <ul>
 *   <li>Encoder: {@link BertModel} at {@code bert.*} (no pooler).
 *   <li>Decoder: its own {@link Embeddings} at {@code decoder.embeddings.*}, a {@link Decoder} at
 *       {@code decoder.layer.{i}.*} (causal self-attention, cross-attention at {@code
 *       decoder.layer.{i}.crossattention.*}, feed-forward) and an {@link MlmHead} at {@code
 *       decoder.cls.predictions.*} whose output projection is tied to the decoder's word
 *       embeddings (plus a bias). {@link DecoderWarmStart} maps backbone weights onto all of it
 *       except cross-attention.
 *   <li>Teacher forcing: a target is stored as {@code [CLS] y1 .. yn [SEP]} (BOS = [CLS], EOS =
 *       [SEP]); the decoder reads {@code [CLS] y1 .. yn} and is trained to predict {@code y1 .. yn
 *       [SEP]} at the same positions. Padding positions carry no loss.
 *   <li>Loss: label-smoothed cross-entropy, {@code (1 - eps) * -log p(y) + eps * mean_v(-log
 *       p(v))} per target token (uniform smoothing over the whole vocabulary, as PyTorch's {@code
 *       CrossEntropyLoss(label_smoothing=eps)}), averaged over non-padding tokens. Built from
 *       log-softmax and one-hot because SparseSoftmaxCrossEntropyWithLogits has no gradient in TF
 *       Java.
 * </ul>
 *
 * <p>An inference graph ({@link #forInference}) also holds the {@link DecodingStep} graph for
 * cached incremental decoding, sharing the same variables.
 *
 * <p>Feeds: source {@link #source()} ([B, S] int32 x3; token types all 0), {@code
 * decoder_input_ids}, {@code decoder_attention_mask} and {@code labels}, all [B, T] int32.
 */
public final class Seq2SeqGraph {
  public static final String DECODER = "decoder";

  private final Ops tf;
  private final BlockContext root;
  private final EncoderInputs source;
  private final Placeholder<TInt32> decoderInputIds;
  private final Placeholder<TInt32> decoderMask;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> logProbs;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> nllSum;
  private final Operand<TFloat32> tokenCount;
  private final Operand<TFloat32> correctCount;
  private final DecodingStep step;

  private Seq2SeqGraph(Ops tf, TransformerConfig config, double labelSmoothing, double crossAttentionInitRange,
      long seed, boolean withStep) {
    if (labelSmoothing < 0 || labelSmoothing >= 1) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
    }
    this.tf = tf;
    this.root = BlockContext.create(tf, config, seed);
    int hidden = config.hiddenSize();
    int vocab = config.vocabSize();
    BertModel bert = new BertModel(root);
    BlockContext decoderCtx = root.child(DECODER);
    Embeddings embeddings = new Embeddings(decoderCtx.child("embeddings"));
    Decoder decoder = new Decoder(decoderCtx, crossAttentionInitRange);
    MlmHead head = new MlmHead(decoderCtx.child("cls").child("predictions"), embeddings.wordEmbeddings());

    Shape batchByTime = Shape.of(-1, -1);
    this.source = EncoderInputs.create(tf);
    this.decoderInputIds = tf.withName("decoder_input_ids").placeholder(TInt32.class, Placeholder.shape(batchByTime));
    this.decoderMask = tf.withName("decoder_attention_mask").placeholder(TInt32.class, Placeholder.shape(batchByTime));
    this.labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(batchByTime));

    Operand<TFloat32> encoderOutput = bert.encode(source); // [B, S, H]
    Operand<TFloat32> x = embeddings.apply(decoderInputIds, null); // [B, T, H]
    Operand<TFloat32> y = decoder.apply(x, decoderMask, encoderOutput, source.attentionMask()); // [B, T, H]
    Operand<TInt32> batchTime = tf.slice(tf.shape(decoderInputIds), tf.constant(new int[] {0}), tf.constant(new int[] {2}));
    Operand<TFloat32> flatLogits = head.logits(tf.reshape(y, tf.constant(new int[] {-1, hidden}))); // [B*T, V]
    Operand<TFloat32> flatLogProbs = tf.nn.logSoftmax(flatLogits); // [B*T, V]
    this.logProbs = tf.withName("log_probs").reshape(flatLogProbs,
        tf.concat(List.of(batchTime, tf.constant(new int[] {vocab})), tf.constant(0))); // [B, T, V]

    Operand<TInt32> flatLabels = tf.reshape(labels, tf.constant(new int[] {-1})); // [B*T]
    Operand<TFloat32> weights = tf.dtypes.cast(tf.reshape(decoderMask, tf.constant(new int[] {-1})), TFloat32.class);
    Operand<TFloat32> nll = Losses.negativeLogLikelihood(tf, flatLogProbs, flatLabels, vocab); // [B*T]
    Operand<TFloat32> uniformNll = tf.math.neg(tf.math.mean(flatLogProbs, tf.constant(1))); // [B*T]
    Operand<TFloat32> smoothed = tf.math.add(
        tf.math.mul(tf.constant((float) (1 - labelSmoothing)), nll),
        tf.math.mul(tf.constant((float) labelSmoothing), uniformNll)); // [B*T]
    this.tokenCount = tf.withName("target_tokens").reduceSum(weights, tf.constant(0));
    this.loss = tf.withName("seq2seq_loss").math.divNoNan(sum(tf.math.mul(weights, smoothed)), tokenCount);
    this.nllSum = tf.withName("target_nll_sum").reduceSum(tf.math.mul(weights, nll), tf.constant(0));
    Operand<TInt64> predicted = tf.math.argMax(flatLogits, tf.constant(1));
    Operand<TFloat32> correct = tf.dtypes.cast(
        tf.math.equal(predicted, tf.dtypes.cast(flatLabels, TInt64.class)), TFloat32.class);
    this.correctCount = tf.withName("target_correct").reduceSum(tf.math.mul(weights, correct), tf.constant(0));

    this.step = withStep
        ? new DecodingStep(tf, config, embeddings, decoder.layers(), head, encoderOutput)
        : null;
  }

  /**
   * Feeds a teacher-forced batch (padded to its longest source and target) and returns its number
   * of target tokens.
   */
  public long feed(List<Seq2SeqExample> batch, Feeds feeds, int padId) {
    List<int[]> sources = new ArrayList<>(batch.size());
    List<int[]> inputs = new ArrayList<>(batch.size());
    List<int[]> targets = new ArrayList<>(batch.size());
    long tokens = 0;
    for (Seq2SeqExample e : batch) {
      sources.add(e.sourceIds());
      inputs.add(e.decoderInput());
      targets.add(e.labels());
      tokens += e.targetIds().length - 1;
    }
    feeds.put(source.inputIds(), IntBatch.padded(sources, padId))
        .put(source.tokenTypeIds(), IntBatch.zeros(sources))
        .put(source.attentionMask(), IntBatch.mask(sources))
        .put(decoderInputIds, IntBatch.padded(inputs, padId))
        .put(decoderMask, IntBatch.mask(inputs))
        .put(labels, IntBatch.padded(targets, padId));
    return tokens;
  }

  /** The training graph: dropout as configured (off unless fed), fresh weights from {@code seed}. */
  public static Seq2SeqGraph forTraining(Ops tf, TransformerConfig config, double labelSmoothing,
      double crossAttentionInitRange, long seed) {
    return new Seq2SeqGraph(tf, config, labelSmoothing, crossAttentionInitRange, seed, false);
  }

  /** The inference graph: no dropout, plus the incremental {@link #step()} graph. */
  public static Seq2SeqGraph forInference(Ops tf, TransformerConfig config) {
    return new Seq2SeqGraph(tf, config.withDropout(0, 0), 0, config.initializerRange(), 0, true);
  }

  private Operand<TFloat32> sum(Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.constant(0), ReduceSum.keepDims(false));
  }

  public EncoderInputs source() {
    return source;
  }

  public Placeholder<TInt32> decoderInputIds() {
    return decoderInputIds;
  }

  public Placeholder<TInt32> decoderMask() {
    return decoderMask;
  }

  public Placeholder<TInt32> labels() {
    return labels;
  }

  /** Teacher-forced log-probabilities of the next token at every decoder position: [B, T, V]. */
  public Operand<TFloat32> logProbs() {
    return logProbs;
  }

  /** Label-smoothed mean cross-entropy per target token (the training loss). */
  public Operand<TFloat32> loss() {
    return loss;
  }

  /** Sum over target tokens of the plain -log p(label) (no smoothing), for dev loss/perplexity. */
  public Operand<TFloat32> nllSum() {
    return nllSum;
  }

  /** Number of non-padding target tokens in the batch (float). */
  public Operand<TFloat32> tokenCount() {
    return tokenCount;
  }

  /** Target tokens whose arg-max prediction is the label (teacher forced). */
  public Operand<TFloat32> correctCount() {
    return correctCount;
  }

  /** The incremental decoding graph; only in {@link #forInference} graphs. */
  public DecodingStep step() {
    if (step == null) {
      throw new IllegalStateException("a training graph has no decoding step; build it with forInference");
    }
    return step;
  }

  /** Every variable, in creation order: {@code bert.*}, then {@code decoder.*}. */
  public List<Parameter> parameters() {
    return root.params().parameters();
  }

  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Parameter p : parameters()) {
      names.add(p.name());
    }
    return names;
  }

  public DropoutControl dropout() {
    return root.dropout();
  }

  public TransformerConfig config() {
    return root.config();
  }

  /**
   * One decoding step for N rows at position t, given each layer's cached self-attention
   * keys/values of positions 0..t-1. Placeholders (feeds):
   *
   * <ul>
   *   <li>{@code step_tokens} [N] int32: the token each row appended last (BOS at t = 0);
   *   <li>{@code step_position} scalar int32: t;
   *   <li>{@code step_parents} [N] int32: the row of the previous step's caches each row
   *       continues (identity for greedy; the beam index for beam search);
   *   <li>{@code step_sources} [N] int32: the batch row of each row's source;
   *   <li>per layer: {@code step_past_keys_i}, {@code step_past_values_i} [N', A, t, D] (the
   *       previous step's {@link #presentKeys()}/{@link #presentValues()}, N' rows);
   *   <li>per layer: {@code step_cross_keys_i}, {@code step_cross_values_i} [B, A, S, D] (fed
   *       from {@link #encoderCrossKeys()}/{@link #encoderCrossValues()}, computed once per batch
   *       of sources), and {@code step_source_mask} [B, S] int32.
   * </ul>
   *
   * Outputs: {@link #logProbs()} [N, V] for the token at t+1, and per layer the caches grown to
   * t+1 positions. The encode run fetches {@link #encoderCrossKeys()} / values from the source
   * feeds of the owning graph.
   */
  public static final class DecodingStep {
    private final Placeholder<TInt32> tokens;
    private final Placeholder<TInt32> position;
    private final Placeholder<TInt32> parents;
    private final Placeholder<TInt32> sources;
    private final Placeholder<TInt32> sourceMask;
    private final List<Placeholder<TFloat32>> pastKeys = new ArrayList<>();
    private final List<Placeholder<TFloat32>> pastValues = new ArrayList<>();
    private final List<Placeholder<TFloat32>> crossKeys = new ArrayList<>();
    private final List<Placeholder<TFloat32>> crossValues = new ArrayList<>();
    private final List<Operand<TFloat32>> encoderCrossKeys = new ArrayList<>();
    private final List<Operand<TFloat32>> encoderCrossValues = new ArrayList<>();
    private final List<Operand<TFloat32>> presentKeys = new ArrayList<>();
    private final List<Operand<TFloat32>> presentValues = new ArrayList<>();
    private final Operand<TFloat32> logProbs;
    private final int numHeads;
    private final int headSize;

    DecodingStep(Ops tf, TransformerConfig config, Embeddings embeddings, List<DecoderLayer> layers,
        MlmHead head, Operand<TFloat32> encoderOutput) {
      this.numHeads = config.numHeads();
      this.headSize = config.headSize();
      Shape rows = Shape.of(-1);
      Shape cache = Shape.of(-1, numHeads, -1, headSize);
      this.tokens = tf.withName("step_tokens").placeholder(TInt32.class, Placeholder.shape(rows));
      this.position = tf.withName("step_position").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      this.parents = tf.withName("step_parents").placeholder(TInt32.class, Placeholder.shape(rows));
      this.sources = tf.withName("step_sources").placeholder(TInt32.class, Placeholder.shape(rows));
      this.sourceMask = tf.withName("step_source_mask").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
      Operand<TInt32> axis0 = tf.constant(0);
      // [B, S] -> rows' sources [N, S] -> [N, 1, 1, S]
      Operand<TFloat32> encoderMask = AttentionMask.padding(tf, tf.gather(sourceMask, sources, axis0));
      Operand<TFloat32> x = embeddings.apply(tf.expandDims(tokens, tf.constant(1)), null, position); // [N, 1, H]
      for (int i = 0; i < layers.size(); i++) {
        DecoderLayer layer = layers.get(i);
        MultiHeadAttention.KeyValues fromEncoder = layer.encoderKeyValues(encoderOutput); // [B, A, S, D]
        encoderCrossKeys.add(tf.withName("encoder_cross_keys_" + i).identity(fromEncoder.keys()));
        encoderCrossValues.add(tf.withName("encoder_cross_values_" + i).identity(fromEncoder.values()));
        pastKeys.add(tf.withName("step_past_keys_" + i).placeholder(TFloat32.class, Placeholder.shape(cache)));
        pastValues.add(tf.withName("step_past_values_" + i).placeholder(TFloat32.class, Placeholder.shape(cache)));
        crossKeys.add(tf.withName("step_cross_keys_" + i).placeholder(TFloat32.class, Placeholder.shape(cache)));
        crossValues.add(tf.withName("step_cross_values_" + i).placeholder(TFloat32.class, Placeholder.shape(cache)));
        MultiHeadAttention.KeyValues past = new MultiHeadAttention.KeyValues(
            tf.gather(pastKeys.get(i), parents, axis0), tf.gather(pastValues.get(i), parents, axis0)); // [N, A, t, D]
        MultiHeadAttention.KeyValues cross = new MultiHeadAttention.KeyValues(
            tf.gather(crossKeys.get(i), sources, axis0), tf.gather(crossValues.get(i), sources, axis0)); // [N, A, S, D]
        DecoderLayer.Step out = layer.step(x, past, cross, encoderMask);
        x = out.output();
        presentKeys.add(tf.withName("step_present_keys_" + i).identity(out.selfKeyValues().keys()));
        presentValues.add(tf.withName("step_present_values_" + i).identity(out.selfKeyValues().values()));
      }
      Operand<TFloat32> last = tf.reshape(x, tf.constant(new int[] {-1, config.hiddenSize()})); // [N, H]
      this.logProbs = tf.withName("step_log_probs").nn.logSoftmax(head.logits(last)); // [N, V]
    }

    public Placeholder<TInt32> tokens() {
      return tokens;
    }

    public Placeholder<TInt32> position() {
      return position;
    }

    public Placeholder<TInt32> parents() {
      return parents;
    }

    public Placeholder<TInt32> sources() {
      return sources;
    }

    public Placeholder<TInt32> sourceMask() {
      return sourceMask;
    }

    public List<Placeholder<TFloat32>> pastKeys() {
      return pastKeys;
    }

    public List<Placeholder<TFloat32>> pastValues() {
      return pastValues;
    }

    public List<Placeholder<TFloat32>> crossKeys() {
      return crossKeys;
    }

    public List<Placeholder<TFloat32>> crossValues() {
      return crossValues;
    }

    /** Per layer, the cross-attention keys [B, A, S, D] of the owning graph's source feeds. */
    public List<Operand<TFloat32>> encoderCrossKeys() {
      return encoderCrossKeys;
    }

    public List<Operand<TFloat32>> encoderCrossValues() {
      return encoderCrossValues;
    }

    public List<Operand<TFloat32>> presentKeys() {
      return presentKeys;
    }

    public List<Operand<TFloat32>> presentValues() {
      return presentValues;
    }

    /** [N, V] log-probabilities of the next token. */
    public Operand<TFloat32> logProbs() {
      return logProbs;
    }

    public int layers() {
      return pastKeys.size();
    }

    public int numHeads() {
      return numHeads;
    }

    public int headSize() {
      return headSize;
    }
  }
}
