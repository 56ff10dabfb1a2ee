package org.mlmsuite.backbone.train;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What a task hands the trainer: a scalar loss, the variables to train (each flagged for weight
 * decay or not), a feeder for its batches, and optionally a {@code [2]} int64 dropout-seed
 * placeholder (the trainer feeds a seed derived from (config seed, step, micro-step)), an
 * evaluator on held-out data, and the unit of throughput ("examples" or "tokens").
 */
public record TrainingObjective<B>(
    Operand<TFloat32> loss,
    List<TrainableVariable> variables,
    BatchFeeder<B> feeder,
    Optional<Operand<TInt64>> dropoutSeed,
    Optional<Evaluator> evaluator,
    String throughputUnit) {

  public TrainingObjective {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(feeder, "feeder");
    variables = List.copyOf(variables);
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("training objective has no trainable variables");
    }
    Objects.requireNonNull(dropoutSeed, "dropoutSeed");
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(throughputUnit, "throughputUnit");
  }

  public static <B> TrainingObjective<B> of(
      Operand<TFloat32> loss, List<TrainableVariable> variables, BatchFeeder<B> feeder) {
    return new TrainingObjective<>(loss, variables, feeder, Optional.empty(), Optional.empty(),
        "examples");
  }

  public TrainingObjective<B> withDropoutSeed(Operand<TInt64> seedPlaceholder) {
    return new TrainingObjective<>(loss, variables, feeder, Optional.of(seedPlaceholder),
        evaluator, throughputUnit);
  }

  public TrainingObjective<B> withEvaluator(Evaluator eval) {
    return new TrainingObjective<>(loss, variables, feeder, dropoutSeed, Optional.of(eval),
        throughputUnit);
  }

  public TrainingObjective<B> withThroughputUnit(String unit) {
    return new TrainingObjective<>(loss, variables, feeder, dropoutSeed, evaluator, unit);
  }
}
