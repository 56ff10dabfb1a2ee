package org.mlmsuite.classification;

import java.util.List;
import org.mlmsuite.backbone.model.BertModel;
import org.mlmsuite.backbone.model.BlockContext;
import org.mlmsuite.backbone.model.Dense;
import org.mlmsuite.backbone.model.DropoutControl;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.model.Losses;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * BERT for sequence classification, as in Hugging Face's {@code BertForSequenceClassification}:
 * encoder, pooled [CLS] ({@code bert.pooler.dense}, tanh), dropout, and a linear layer {@code
 * classifier.weight [C, H]}, {@code classifier.bias [C]}.
 *
 * <p>Feeds: {@link #inputs()} ([B, T] int32 x3), {@code labels} [B] int32 (training only), and the
 * {@link #dropout()} feeds. The loss is the class-weighted mean cross-entropy
 * {@code sum_i w[y_i] * -log p(y_i) / sum_i w[y_i]} (PyTorch's {@code CrossEntropyLoss(weight)}).
 */
public final class ClassifierGraph {
  public static final String HEAD_PREFIX = "classifier.";
  public static final String POOLER_PREFIX = "bert.pooler.";

  private final BlockContext root;
  private final EncoderInputs inputs;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> logits;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> loss;

  private ClassifierGraph(Ops tf, TransformerConfig config, int numLabels, float[] classWeights, long seed) {
    this.root = BlockContext.create(tf, config, seed);
    BertModel bert = new BertModel(root);
    this.inputs = EncoderInputs.create(tf);
    this.labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));

    // the head reads [CLS] only, so the last layer runs its queries and feed-forward on position 0
    Operand<TFloat32> pooled = bert.pooled(bert.encodeFirstPosition(inputs)); // [B, H]
    BlockContext head = root.child("classifier");
    Operand<TFloat32> dropped = root.dropout("classifier_dropout", config.hiddenDropout()).apply(pooled);
    this.logits = tf.withName("logits").identity(
        new Dense(head, config.hiddenSize(), numLabels).apply(dropped)); // [B, C]
    this.probabilities = tf.withName("probabilities").nn.softmax(logits); // [B, C]

    Operand<TFloat32> logProbs = tf.nn.logSoftmax(logits); // [B, C]
    Operand<TFloat32> nll = Losses.negativeLogLikelihood(tf, logProbs, labels, numLabels); // [B]
    Operand<TFloat32> weights = tf.gather(tf.constant(classWeights), labels, tf.constant(0)); // w[y_i]: [B]
    this.loss = tf.withName("classification_loss").math.divNoNan(
        tf.reduceSum(tf.math.mul(weights, nll), tf.constant(0)), tf.reduceSum(weights, tf.constant(0)));
  }

  /** Builds the model into {@code tf}'s graph; fresh weights are a pure function of {@code seed}. */
  public static ClassifierGraph build(Ops tf, TransformerConfig config, int numLabels, float[] classWeights, long seed) {
    if (classWeights.length != numLabels) {
      throw new IllegalArgumentException(classWeights.length + " class weights for " + numLabels + " labels");
    }
    return new ClassifierGraph(tf, config, numLabels, classWeights, seed);
  }

  /**
   * An inference graph: no dropout ops at all (a training graph with dropout fed off still draws a
   * random mask per site on every run), unit class weights, the loss unused. Same variables.
   */
  public static ClassifierGraph forInference(Ops tf, TransformerConfig config, int numLabels) {
    float[] ones = new float[numLabels];
    java.util.Arrays.fill(ones, 1f);
    return build(tf, config.withDropout(0, 0), numLabels, ones, 0);
  }

  public EncoderInputs inputs() {
    return inputs;
  }

  public Placeholder<TInt32> labels() {
    return labels;
  }

  /** [B, C] softmax over the labels. */
  public Operand<TFloat32> probabilities() {
    return probabilities;
  }

  public Operand<TFloat32> logits() {
    return logits;
  }

  public Operand<TFloat32> loss() {
    return loss;
  }

  /** Every variable: {@code bert.*} (incl. the pooler) and {@code classifier.*}. */
  public List<Parameter> parameters() {
    return root.params().parameters();
  }

  public DropoutControl dropout() {
    return root.dropout();
  }

  public TransformerConfig config() {
    return root.config();
  }
}
