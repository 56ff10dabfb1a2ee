package org.mlmsuite.backbone.seq2seq;

/**
 * Task settings of an encoder-decoder model, stored as {@code seq2seq.json} beside the model.
 *
 * @param maxSourceLength source tokens including [CLS] and [SEP]
 * @param maxTargetLength target tokens including BOS ([CLS]) and EOS ([SEP])
 * @param labelSmoothing label-smoothing epsilon of the training cross-entropy (0.1 in BERT2BERT)
 * @param generation defaults used when a caller passes no options
 */
public record Seq2SeqConfig(
    int maxSourceLength, int maxTargetLength, double labelSmoothing, GenerationOptions generation) {
  public static final String FILE_NAME = "seq2seq.json";

  public Seq2SeqConfig {
    if (maxSourceLength < 3 || maxTargetLength < 3) {
      throw new IllegalArgumentException(
          "seq2seq: maxSourceLength and maxTargetLength must be >= 3, got "
              + maxSourceLength + " and " + maxTargetLength);
    }
    if (labelSmoothing < 0 || labelSmoothing >= 1) {
      throw new IllegalArgumentException(
          "seq2seq: labelSmoothing must be in [0, 1), got " + labelSmoothing);
    }
    if (generation == null) {
      generation = GenerationOptions.beam(4, 1.0, maxTargetLength);
    }
  }

  public static Seq2SeqConfig defaults(int maxSourceLength, int maxTargetLength) {
    return new Seq2SeqConfig(maxSourceLength, maxTargetLength, 0.1, null);
  }
}
