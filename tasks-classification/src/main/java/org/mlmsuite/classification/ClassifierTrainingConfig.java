package org.mlmsuite.classification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Fine-tuning settings. Defaults follow BERT's GLUE recipe scaled to CPU: lr 2e-5..5e-5 with
 * warmup 10% and linear decay (see {@code TrainingConfig.bertDefaults}).
 *
 * @param steps optimizer steps (an upper bound when early stopping)
 * @param maxLength tokens per example including [CLS]/[SEP]; longer inputs are truncated
 * @param freezeBackbone train only the head ({@code classifier.*}, plus the pooler if the backbone has none)
 * @param noPretraining ignore the backbone's weights (random init, same config and vocabulary): the
 *     no-pretraining baseline
 * @param evalEvery steps between dev evaluations (0: only at the end)
 * @param patience early-stopping patience in evaluations (0: no early stopping)
 * @param metric dev metric for early stopping and best-checkpoint choice: accuracy or macro_f1
 * @param windowBatches length-bucketing window in batches
 * @param longText how texts longer than {@code maxLength} are read (null: truncate); left out of
 *     JSON when truncate, so runs started before it existed still resume
 */
public record ClassifierTrainingConfig(
    double learningRate,
    long steps,
    int batchSize,
    int maxLength,
    long seed,
    boolean freezeBackbone,
    boolean noPretraining,
    ClassWeights classWeights,
    int evalEvery,
    int patience,
    String metric,
    int windowBatches,
    int checkpointEvery,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LongTextStrategy.OmitTruncate.class)
    LongTextStrategy longText) {

  public ClassifierTrainingConfig {
    longText = longText == null ? LongTextStrategy.TRUNCATE : longText;
    longText.requireFits(maxLength);
    if (!metric.equals("accuracy") && !metric.equals("macro_f1")) {
      throw new IllegalArgumentException("--metric: expected accuracy or macro_f1, got '" + metric + "'");
    }
    if (patience < 0 || evalEvery < 0 || steps < 1 || batchSize < 1) {
      throw new IllegalArgumentException("steps and batch size must be >= 1, patience and eval interval >= 0");
    }
  }

  public static ClassifierTrainingConfig defaults() {
    return defaults(1000);
  }

  public static ClassifierTrainingConfig defaults(long steps) {
    return new ClassifierTrainingConfig(5e-5, steps, 32, 128, 42, false, false, ClassWeights.NONE,
        0, 0, "accuracy", 50, 0, LongTextStrategy.TRUNCATE);
  }

  public ClassifierTrainingConfig withLearningRate(double lr) {
    return new ClassifierTrainingConfig(lr, steps, batchSize, maxLength, seed, freezeBackbone, noPretraining,
        classWeights, evalEvery, patience, metric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withBatch(int batch, int maxLen) {
    return new ClassifierTrainingConfig(learningRate, steps, batch, maxLen, seed, freezeBackbone, noPretraining,
        classWeights, evalEvery, patience, metric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withSeed(long s) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, s, freezeBackbone, noPretraining,
        classWeights, evalEvery, patience, metric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withBackbone(boolean freeze, boolean noPretrain) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, seed, freeze, noPretrain,
        classWeights, evalEvery, patience, metric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withClassWeights(ClassWeights w) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, seed, freezeBackbone, noPretraining,
        w, evalEvery, patience, metric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withEvaluation(int every, int patienceEvals, String devMetric) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, seed, freezeBackbone, noPretraining,
        classWeights, every, patienceEvals, devMetric, windowBatches, checkpointEvery, longText);
  }

  public ClassifierTrainingConfig withCheckpointEvery(int every) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, seed, freezeBackbone, noPretraining,
        classWeights, evalEvery, patience, metric, windowBatches, every, longText);
  }

  public ClassifierTrainingConfig withLongText(LongTextStrategy strategy) {
    return new ClassifierTrainingConfig(learningRate, steps, batchSize, maxLength, seed, freezeBackbone, noPretraining,
        classWeights, evalEvery, patience, metric, windowBatches, checkpointEvery, strategy);
  }
}
