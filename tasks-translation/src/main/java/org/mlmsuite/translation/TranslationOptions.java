package org.mlmsuite.translation;

import org.mlmsuite.backbone.seq2seq.GenerationOptions;

/**
 * How {@link Translator} decodes.
 *
 * @param beamSize 1 = greedy search
 * @param lengthPenalty alpha of Hugging Face's {@code sumLogProb / length^alpha} (1.0 = average
 *     log-probability per token; 0 = raw sum, which favours short outputs)
 * @param maxLength maximum generated word pieces, EOS included
 */
public record TranslationOptions(int beamSize, double lengthPenalty, int maxLength) {

  public TranslationOptions {
    toGeneration(beamSize, lengthPenalty, maxLength); // validates
  }

  public static TranslationOptions greedy(int maxLength) {
    return new TranslationOptions(1, 1.0, maxLength);
  }

  public static TranslationOptions beam(int beamSize, int maxLength) {
    return new TranslationOptions(beamSize, 1.0, maxLength);
  }

  /** As terminal lines and reports name a system: {@code greedy, max 64} or {@code beam 4, length penalty 1.0, max 64}. */
  public String describe() {
    return (beamSize == 1 ? "greedy" : "beam " + beamSize + ", length penalty " + lengthPenalty) + ", max " + maxLength;
  }

  GenerationOptions generation() {
    return toGeneration(beamSize, lengthPenalty, maxLength);
  }

  static TranslationOptions of(GenerationOptions g) {
    return new TranslationOptions(g.beamSize(), g.lengthPenalty(), g.maxLength());
  }

  private static GenerationOptions toGeneration(int beamSize, double lengthPenalty, int maxLength) {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength);
  }
}
