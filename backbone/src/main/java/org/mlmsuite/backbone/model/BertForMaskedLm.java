package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * BERT with the masked-LM head, built into one graph. The head runs only at masked positions:
 * the sequence output is gathered at {@code maskedPositions} first, so the [*, V] projection costs
 * B*M rows, not B*T.
 *
 * <p>Feeds: {@link #inputs()} ([B, T] int32 x3), {@code masked_positions} [B, M] int32, {@code
 * masked_label_ids} [B, M] int32, {@code masked_weights} [B, M] float (0 for padding slots), and
 * optionally the {@link #dropout()} feeds.
 */
public final class BertForMaskedLm implements TrainableModel {
  private final Ops tf;
  private final BlockContext root;
  private final BertModel bert;
  private final EncoderInputs inputs;
  private final Placeholder<TInt32> maskedPositions;
  private final Placeholder<TInt32> maskedLabelIds;
  private final Placeholder<TFloat32> maskedWeights;
  private final Operand<TFloat32> sequenceOutput;
  private final Operand<TFloat32> maskedLogProbs;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> accuracy;
  private Operand<TFloat32> pooledOutput;

  private BertForMaskedLm(Ops tf, TransformerConfig config, long seed) {
    this.tf = tf;
    this.root = BlockContext.create(tf, config, seed);
    this.bert = new BertModel(root);
    MlmHead head = new MlmHead(root.child("cls").child("predictions"),
        bert.embeddings().wordEmbeddings());
    Shape batchBySlots = Shape.of(-1, -1);
    this.inputs = EncoderInputs.create(tf);
    this.maskedPositions = tf.withName("masked_positions")
        .placeholder(TInt32.class, Placeholder.shape(batchBySlots));
    this.maskedLabelIds = tf.withName("masked_label_ids")
        .placeholder(TInt32.class, Placeholder.shape(batchBySlots));
    this.maskedWeights = tf.withName("masked_weights")
        .placeholder(TFloat32.class, Placeholder.shape(batchBySlots));

    this.sequenceOutput = bert.encode(inputs); // [B, T, H]
    Operand<TFloat32> logits = head.logits(gatherRows(sequenceOutput, maskedPositions)); // [B*M, V]
    Operand<TFloat32> logProbs = tf.nn.logSoftmax(logits); // [B*M, V]
    Operand<TInt32> labels = tf.reshape(maskedLabelIds, tf.constant(new int[] {-1})); // [B*M]
    Operand<TFloat32> weights = tf.reshape(maskedWeights, tf.constant(new int[] {-1})); // [B*M]
    Operand<TFloat32> weightSum = sum(weights);

    Operand<TFloat32> nll = Losses.negativeLogLikelihood(tf, logProbs, labels, config.vocabSize()); // [B*M]
    this.loss = tf.withName("mlm_loss").math.divNoNan(sum(tf.math.mul(weights, nll)), weightSum);

    Operand<TInt64> predicted = tf.math.argMax(logits, tf.constant(-1)); // [B*M]
    Operand<TFloat32> correct = tf.dtypes.cast(
        tf.math.equal(predicted, tf.dtypes.cast(labels, TInt64.class)), TFloat32.class);
    this.accuracy = tf.withName("mlm_accuracy").math.divNoNan(sum(tf.math.mul(weights, correct)), weightSum);

    // [B*M, V] -> [B, M, V]
    Operand<TInt32> slots = tf.shape(maskedPositions);
    this.maskedLogProbs = tf.reshape(logProbs, tf.concat(
        List.of(slots, tf.constant(new int[] {config.vocabSize()})), tf.constant(0)));
  }

  /** Builds the model into {@code tf}'s graph; weights are a pure function of {@code seed}. */
  public static BertForMaskedLm build(Ops tf, TransformerConfig config, long seed) {
    return new BertForMaskedLm(tf, config, seed);
  }

  /** sequence [B, T, H] rows at positions [B, M] -> [B*M, H]. */
  private Operand<TFloat32> gatherRows(Operand<TFloat32> sequence, Operand<TInt32> positions) {
    Operand<TInt32> shape = tf.shape(sequence);
    Operand<TInt32> batch = tf.gather(shape, tf.constant(0), tf.constant(0));
    Operand<TInt32> length = tf.gather(shape, tf.constant(1), tf.constant(0));
    int hidden = root.config().hiddenSize();
    // row b*T + position in the flattened [B*T, H] sequence
    Operand<TInt32> offsets = tf.expandDims(
        tf.math.mul(tf.range(tf.constant(0), batch, tf.constant(1)), length), tf.constant(1)); // [B, 1]
    Operand<TInt32> rows = tf.reshape(tf.math.add(positions, offsets), tf.constant(new int[] {-1})); // [B*M]
    Operand<TFloat32> flat = tf.reshape(sequence, tf.constant(new int[] {-1, hidden})); // [B*T, H]
    return tf.gather(flat, rows, tf.constant(0)); // [B*M, H]
  }

  private Operand<TFloat32> sum(Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.constant(0), ReduceSum.keepDims(false));
  }

  public EncoderInputs inputs() {
    return inputs;
  }

  public Placeholder<TInt32> maskedPositions() {
    return maskedPositions;
  }

  public Placeholder<TInt32> maskedLabelIds() {
    return maskedLabelIds;
  }

  public Placeholder<TFloat32> maskedWeights() {
    return maskedWeights;
  }

  /** Weighted mean of -log p(label) over masked slots (0 when all weights are 0). */
  @Override
  public Operand<TFloat32> loss() {
    return loss;
  }

  /** Weighted fraction of masked slots whose arg-max prediction is the label (no gradient). */
  public Operand<TFloat32> accuracy() {
    return accuracy;
  }

  /** Log-probabilities over the vocabulary at each masked slot: [B, M, V] (for fill-mask top-k). */
  public Operand<TFloat32> maskedLogProbs() {
    return maskedLogProbs;
  }

  /** Encoder output [B, T, H]. */
  public Operand<TFloat32> sequenceOutput() {
    return sequenceOutput;
  }

  /** Pooled [CLS] [B, H]; the first call creates {@code bert.pooler.dense.*}. */
  public Operand<TFloat32> pooledOutput() {
    if (pooledOutput == null) {
      pooledOutput = bert.pooled(sequenceOutput);
    }
    return pooledOutput;
  }

  public BertModel bert() {
    return bert;
  }

  /** The root context (path ""), for task heads built into the same graph. */
  public BlockContext context() {
    return root;
  }

  public TransformerConfig config() {
    return root.config();
  }

  @Override
  public List<Parameter> parameters() {
    return root.params().parameters();
  }

  @Override
  public DropoutControl dropout() {
    return root.dropout();
  }
}
