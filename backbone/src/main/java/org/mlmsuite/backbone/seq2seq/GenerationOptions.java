package org.mlmsuite.backbone.seq2seq;

/**
 * How to decode.
 *
 * @param beamSize 1 means greedy search
 * @param lengthPenalty alpha of the Hugging Face style score {@code sumLogProb / length^alpha}
 * @param maxLength maximum generated tokens, counting EOS but not BOS
 */
public record GenerationOptions(int beamSize, double lengthPenalty, int maxLength) {

  public GenerationOptions {
    if (beamSize < 1) {
      throw new IllegalArgumentException("generation: beamSize must be >= 1, got " + beamSize);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("generation: maxLength must be >= 1, got " + maxLength);
    }
  }

  public static GenerationOptions greedy(int maxLength) {
    return new GenerationOptions(1, 1.0, maxLength);
  }

  public static GenerationOptions beam(int beamSize, double lengthPenalty, int maxLength) {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength);
  }
}
