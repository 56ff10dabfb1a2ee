package org.mlmsuite.backbone.pretrain;

import java.util.List;

/**
 * Everything a pretraining run depends on; saved as {@code pretraining-config.json} beside the
 * model so a run can be read back and repeated.
 *
 * @param corpus dataset names ({@code pretrain-en}, or a translation set for both its sides) or
 *     text files/folders, read in this order
 * @param cased whether the tokenizer keeps case and accents (BERT cased) or lower-cases (uncased)
 * @param masking a masking spec as {@code MaskingConfig.parse} reads it
 * @param ner the name-finder model for entity masking, or null
 * @param initFrom a backbone folder to continue pretraining from (its architecture, vocabulary,
 *     case handling and weights; {@code vocab}, {@code cased} and {@code preset} then describe it), or
 *     null to start from random weights
 */
public record PretrainingConfig(
    List<String> corpus,
    String vocab,
    boolean cased,
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
    double heldOutFraction,
    String initFrom) {

  public PretrainingConfig {
    corpus = List.copyOf(corpus);
    if (initFrom == null && (vocab == null || preset == null)) {
      throw new IllegalArgumentException("pretraining from scratch needs a vocabulary and a preset");
    }
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("pretraining needs at least one corpus");
    }
    if (steps < 1 || batchSize < 1) {
      throw new IllegalArgumentException("steps and batch size must be positive");
    }
    if (seqLength < 8) {
      throw new IllegalArgumentException("sequence length " + seqLength + " is too short (at least 8)");
    }
  }
}
