package org.mlmsuite.summarization;

import java.util.List;
import org.mlmsuite.backbone.model.BertModel;
import org.mlmsuite.backbone.model.BlockContext;
import org.mlmsuite.backbone.model.Dense;
import org.mlmsuite.backbone.model.DropoutControl;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * BertSumExt: the backbone encoder, the hidden state at each sentence's [CLS], a linear layer
 * {@code extractive.weight [1, H]}, {@code extractive.bias [1]} and a sigmoid.
 *
 * <p>Feeds: {@link #inputs()} [B, T]; {@code cls_index} [B, S] int32 = b*T + position of sentence
 * s's [CLS] (padding sentences point anywhere); {@code sentence_mask} [B, S] float 1/0;
 * {@code sentence_labels} [B, S] float (training). Loss: binary cross-entropy averaged over real
 * sentences.
 */
public final class ExtractiveGraph {
  public static final String HEAD_PREFIX = "extractive.";

  private final BlockContext root;
  private final EncoderInputs inputs;
  private final Placeholder<TInt32> clsIndex;
  private final Placeholder<TFloat32> sentenceMask;
  private final Placeholder<TFloat32> labels;
  private final Operand<TFloat32> scores;
  private final Operand<TFloat32> loss;

  private ExtractiveGraph(Ops tf, TransformerConfig config, long seed) {
    this.root = BlockContext.create(tf, config, seed);
    BertModel bert = new BertModel(root);
    this.inputs = EncoderInputs.create(tf);
    this.clsIndex = tf.withName("cls_index").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    this.sentenceMask = tf.withName("sentence_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
    this.labels = tf.withName("sentence_labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));

    int h = config.hiddenSize();
    Operand<TFloat32> sequence = bert.encode(inputs); // [B, T, H]
    Operand<TFloat32> flat = tf.reshape(sequence, tf.constant(new int[] {-1, h})); // [B*T, H]
    Operand<TFloat32> sentences = tf.gather(flat, tf.reshape(clsIndex, tf.constant(new int[] {-1})),
        tf.constant(0)); // [B*S, H]
    Operand<TFloat32> logitsFlat = new Dense(root.child("extractive"), h, 1).apply(sentences); // [B*S, 1]
    Operand<TFloat32> logits = tf.reshape(logitsFlat, tf.shape(clsIndex)); // [B, S]
    this.scores = tf.withName("sentence_scores").math.sigmoid(logits);
    // numerically stable BCE with logits: max(x,0) - x*z + log(1 + exp(-|x|))
    Operand<TFloat32> bce = tf.math.add(
        tf.math.sub(tf.math.maximum(logits, tf.constant(0f)), tf.math.mul(logits, labels)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
    this.loss = tf.withName("extractive_loss").math.divNoNan(
        tf.reduceSum(tf.math.mul(bce, sentenceMask), tf.constant(new int[] {0, 1})),
        tf.reduceSum(sentenceMask, tf.constant(new int[] {0, 1})));
  }

  public static ExtractiveGraph build(Ops tf, TransformerConfig config, long seed) {
    return new ExtractiveGraph(tf, config, seed);
  }

  public EncoderInputs inputs() {
    return inputs;
  }

  public Placeholder<TInt32> clsIndex() {
    return clsIndex;
  }

  public Placeholder<TFloat32> sentenceMask() {
    return sentenceMask;
  }

  public Placeholder<TFloat32> labels() {
    return labels;
  }

  /** [B, S] sigmoid score per sentence. */
  public Operand<TFloat32> scores() {
    return scores;
  }

  public Operand<TFloat32> loss() {
    return loss;
  }

  public List<Parameter> parameters() {
    return root.params().parameters();
  }

  public DropoutControl dropout() {
    return root.dropout();
  }
}
