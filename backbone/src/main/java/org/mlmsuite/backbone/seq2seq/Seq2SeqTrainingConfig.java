package org.mlmsuite.backbone.seq2seq;

/**
 * How {@link Seq2SeqTraining} fine-tunes an encoder-decoder (optimizer details: {@code
 * TrainingConfig.bertDefaults}: AdamW, 10% warmup, linear decay, weight decay 0.01, clip 1.0).
 *
 * @param steps optimizer steps
 * @param batchSize pairs per step
 * @param learningRate peak learning rate
 * @param seed initialisation (cross-attention, or everything with {@code noPretraining}), data
 *     order and dropout
 * @param maxSourceLength / maxTargetLength token limits incl. [CLS]/[SEP]; longer texts are cut
 * @param labelSmoothing epsilon of the label-smoothed cross-entropy
 * @param crossAttentionInitRange std of the fresh cross-attention weights. Default 0.1, not BERT's
 *     0.02: on the reverse-letters task of the tests (micro model, 400 steps) 0.02 and 0.05 stall
 *     at token accuracy ~0.28 (attention stays uniform) while 0.1 and 0.3 reach 100% exact match
 * @param evalEvery steps between dev evaluations (0: only at the end); the best dev loss is exported
 * @param patience dev evaluations without improvement before stopping (0: never stop early)
 * @param checkpointEvery steps between resumable checkpoints (0: at the end and at each best)
 * @param maxDevExamples dev pairs scored per evaluation (the first ones; 0: all)
 * @param noPretraining ignore the backbone's weights (random init, same shape and vocabulary)
 * @param generation default decoding options saved with the model
 */
public record Seq2SeqTrainingConfig(
    long steps,
    int batchSize,
    double learningRate,
    long seed,
    int maxSourceLength,
    int maxTargetLength,
    double labelSmoothing,
    double crossAttentionInitRange,
    int evalEvery,
    int patience,
    int checkpointEvery,
    int maxDevExamples,
    boolean noPretraining,
    GenerationOptions generation) {

  public Seq2SeqTrainingConfig {
    require(steps > 0, "steps must be > 0, got " + steps);
    require(batchSize > 0, "batch size must be > 0, got " + batchSize);
    require(learningRate > 0, "learning rate must be > 0, got " + learningRate);
    require(crossAttentionInitRange > 0, "cross-attention init range must be > 0, got " + crossAttentionInitRange);
    require(evalEvery >= 0 && patience >= 0 && checkpointEvery >= 0 && maxDevExamples >= 0,
        "evalEvery, patience, checkpointEvery and maxDevExamples must be >= 0");
    new Seq2SeqConfig(maxSourceLength, maxTargetLength, labelSmoothing, generation); // validates
    if (generation == null) {
      generation = GenerationOptions.beam(4, 1.0, maxTargetLength);
    }
  }

  /** Source/target 128 tokens, label smoothing 0.1, cross-attention std 0.1, lr 1e-4, batch 32, beam 4. */
  public static Seq2SeqTrainingConfig defaults(long steps) {
    return new Seq2SeqTrainingConfig(steps, 32, 1e-4, 42, 128, 128, 0.1, 0.1, 0, 0, 0, 500, false, null);
  }

  /** The settings saved with the model. */
  public Seq2SeqConfig modelSettings() {
    return new Seq2SeqConfig(maxSourceLength, maxTargetLength, labelSmoothing, generation);
  }

  public Seq2SeqTrainingConfig withBatch(int newBatchSize, double newLearningRate) {
    return new Seq2SeqTrainingConfig(steps, newBatchSize, newLearningRate, seed, maxSourceLength, maxTargetLength,
        labelSmoothing, crossAttentionInitRange, evalEvery, patience, checkpointEvery, maxDevExamples,
        noPretraining, generation);
  }

  public Seq2SeqTrainingConfig withSeed(long newSeed) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, newSeed, maxSourceLength, maxTargetLength,
        labelSmoothing, crossAttentionInitRange, evalEvery, patience, checkpointEvery, maxDevExamples,
        noPretraining, generation);
  }

  public Seq2SeqTrainingConfig withLengths(int source, int target) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, seed, source, target,
        labelSmoothing, crossAttentionInitRange, evalEvery, patience, checkpointEvery, maxDevExamples,
        noPretraining, generation == null ? GenerationOptions.beam(4, 1.0, target)
            : generation.maxLength() == maxTargetLength ? generation.withMaxLength(target) : generation);
  }

  public Seq2SeqTrainingConfig withModel(double newLabelSmoothing, double newCrossInitRange, boolean newNoPretraining) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, seed, maxSourceLength, maxTargetLength,
        newLabelSmoothing, newCrossInitRange, evalEvery, patience, checkpointEvery, maxDevExamples,
        newNoPretraining, generation);
  }

  public Seq2SeqTrainingConfig withEvaluation(int newEvalEvery, int newPatience, int newMaxDevExamples) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, seed, maxSourceLength, maxTargetLength,
        labelSmoothing, crossAttentionInitRange, newEvalEvery, newPatience, checkpointEvery, newMaxDevExamples,
        noPretraining, generation);
  }

  public Seq2SeqTrainingConfig withCheckpointEvery(int every) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, seed, maxSourceLength, maxTargetLength,
        labelSmoothing, crossAttentionInitRange, evalEvery, patience, every, maxDevExamples,
        noPretraining, generation);
  }

  public Seq2SeqTrainingConfig withGeneration(GenerationOptions options) {
    return new Seq2SeqTrainingConfig(steps, batchSize, learningRate, seed, maxSourceLength, maxTargetLength,
        labelSmoothing, crossAttentionInitRange, evalEvery, patience, checkpointEvery, maxDevExamples,
        noPretraining, options);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("seq2seq training: " + message);
    }
  }
}
