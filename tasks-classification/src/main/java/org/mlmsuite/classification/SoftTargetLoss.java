package org.mlmsuite.classification;

import org.mlmsuite.backbone.model.Losses;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Knowledge distillation's loss (Hinton et al. 2015), built on a student's logits:
 *
 * <pre>
 *   soft = T^2 * mean_i KL( softmax(teacher_i / T) || softmax(student_i / T) )
 *   hard = mean over labeled rows of -log softmax(student_i)[y_i]
 *   loss = alpha * soft + (1 - alpha) * hard
 * </pre>
 *
 * The T^2 keeps the soft gradients' scale independent of T. Rows fed label -1 (augmented or
 * unlabeled text) have a zero one-hot row, so they count in the soft term only; a batch without
 * labeled rows has hard = 0. Log-softmax and one-hot throughout: SparseSoftmaxCrossEntropy has no
 * gradient in TF Java 1.1.0.
 *
 * <p>Feeds: {@link #teacherLogits()} [B, C] float (logits, or teacher log-probabilities: softmax is
 * shift-invariant per row, so both give the same targets) and {@link #labels()} [B] int32.
 */
public final class SoftTargetLoss {
  private final Placeholder<TFloat32> teacherLogits;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> soft;
  private final Operand<TFloat32> hard;
  private final Operand<TFloat32> loss;

  private SoftTargetLoss(Ops tf, Operand<TFloat32> studentLogits, int numLabels, double temperature, double alpha) {
    this.teacherLogits = tf.withName("teacher_logits").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, numLabels)));
    this.labels = tf.withName("distillation_labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> t = tf.constant((float) temperature);

    Operand<TFloat32> teacherLogProbs = tf.nn.logSoftmax(tf.math.div(teacherLogits, t)); // [B, C]
    Operand<TFloat32> studentLogProbs = tf.nn.logSoftmax(tf.math.div(studentLogits, t)); // [B, C]
    Operand<TFloat32> teacherProbs = tf.math.exp(teacherLogProbs); // [B, C]
    Operand<TFloat32> kl = tf.reduceSum(
        tf.math.mul(teacherProbs, tf.math.sub(teacherLogProbs, studentLogProbs)), tf.constant(-1)); // [B]
    this.soft = tf.math.mul(tf.constant((float) (temperature * temperature)), tf.math.mean(kl, tf.constant(0)));

    Operand<TFloat32> nll = Losses.negativeLogLikelihood(tf, tf.nn.logSoftmax(studentLogits), labels, numLabels); // [B], 0 where label -1
    Operand<TFloat32> labeled = tf.reduceSum(
        tf.oneHot(labels, tf.constant(numLabels), tf.constant(1f), tf.constant(0f)), tf.constant(-1)); // [B] 1 or 0
    this.hard = tf.math.divNoNan(tf.reduceSum(nll, tf.constant(0)), tf.reduceSum(labeled, tf.constant(0)));

    this.loss = tf.withName("distillation_loss").math.add(
        tf.math.mul(tf.constant((float) alpha), soft), tf.math.mul(tf.constant((float) (1 - alpha)), hard));
  }

  /**
   * The loss of {@code studentLogits} [B, C] at {@code temperature} (> 0), {@code alpha} (in [0, 1])
   * weighting the soft term.
   */
  public static SoftTargetLoss build(Ops tf, Operand<TFloat32> studentLogits, int numLabels, double temperature,
      double alpha) {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("--alpha must be in [0, 1], got " + alpha);
    }
    return new SoftTargetLoss(tf, studentLogits, numLabels, temperature, alpha);
  }

  /** [B, C] the teacher's logits for the batch's rows. */
  public Placeholder<TFloat32> teacherLogits() {
    return teacherLogits;
  }

  /** [B] label index, or -1 for a row without label. */
  public Placeholder<TInt32> labels() {
    return labels;
  }

  /** The scalar T^2-scaled KL term. */
  public Operand<TFloat32> soft() {
    return soft;
  }

  /** The scalar cross-entropy over labeled rows. */
  public Operand<TFloat32> hard() {
    return hard;
  }

  /** The scalar mixed loss. */
  public Operand<TFloat32> loss() {
    return loss;
  }
}
