package org.mlmsuite.backbone.pretrain;

/**
 * Everything a pretraining run depends on; saved as {@code pretraining-config.json} beside the
 * model so a run can be read back and repeated.
 *
 * @param corpus a dataset name ({@code pretrain-en}) or a text file/folder
 * @param masking a masking spec as {@code MaskingConfig.parse} reads it
 * @param ner the name-finder model for entity masking, or null
 */
public record PretrainingConfig(
    String corpus,
    String vocab,
    String ner,
    String masking,
    String preset,
    long steps,
    int batchSize,
    int seqLength,
    double learningRate,
    long seed,
    int evalEvery,
    int checkpointEvery,
    double heldOutFraction) {

  public PretrainingConfig {
    if (steps < 1 || batchSize < 1) {
      throw new IllegalArgumentException("steps and batch size must be positive");
    }
    if (seqLength < 8) {
      throw new IllegalArgumentException("sequence length " + seqLength + " is too short (at least 8)");
    }
  }
}
