package org.mlmsuite.backbone.seq2seq;

/**
 * How to decode.
 *
 * @param beamSize 1 means greedy search
 * @param lengthPenalty alpha of the Hugging Face style score {@code sumLogProb / length^alpha}
 * @param maxLength maximum generated tokens, counting EOS but not BOS
 * @param minLength EOS is suppressed (log-probability -inf) until this many tokens have been
 *     generated, so an output ending in EOS has at least {@code minLength} tokens before it (0: no
 *     minimum). Hugging Face's {@code min_length} also counts the decoder start token: its {@code
 *     min_length=m} is our {@code minLength=m-1}
 * @param noRepeatNgramSize Hugging Face's {@code no_repeat_ngram_size}: a token that would
 *     complete an n-gram already present in the hypothesis (BOS included) gets -inf (0: off)
 */
public record GenerationOptions(int beamSize, double lengthPenalty, int maxLength, int minLength,
    int noRepeatNgramSize) {

  public GenerationOptions {
    if (beamSize < 1) {
      throw new IllegalArgumentException("generation: beamSize must be >= 1, got " + beamSize);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("generation: maxLength must be >= 1, got " + maxLength);
    }
    if (minLength < 0 || minLength >= maxLength) {
      throw new IllegalArgumentException("generation: minLength must be >= 0 and below maxLength "
          + maxLength + ", got " + minLength);
    }
    if (noRepeatNgramSize < 0) {
      throw new IllegalArgumentException("generation: noRepeatNgramSize must be >= 0, got " + noRepeatNgramSize);
    }
  }

  /** No minimum length and no n-gram blocking (translation's settings). */
  public GenerationOptions(int beamSize, double lengthPenalty, int maxLength) {
    this(beamSize, lengthPenalty, maxLength, 0, 0);
  }

  public static GenerationOptions greedy(int maxLength) {
    return new GenerationOptions(1, 1.0, maxLength);
  }

  public static GenerationOptions beam(int beamSize, double lengthPenalty, int maxLength) {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength);
  }

  /** Same options with another maximum; the minimum is lowered if it would not fit below it. */
  public GenerationOptions withMaxLength(int newMaxLength) {
    return new GenerationOptions(beamSize, lengthPenalty, newMaxLength, Math.max(0, Math.min(minLength, newMaxLength - 1)),
        noRepeatNgramSize);
  }

  public GenerationOptions withMinLength(int newMinLength) {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength, newMinLength, noRepeatNgramSize);
  }

  public GenerationOptions withNoRepeatNgramSize(int n) {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength, minLength, n);
  }
}
