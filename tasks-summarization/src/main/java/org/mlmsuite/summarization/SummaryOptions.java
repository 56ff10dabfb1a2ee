package org.mlmsuite.summarization;

import org.mlmsuite.backbone.seq2seq.GenerationOptions;

/**
 * How an abstractive {@link Summarizer} decodes (the shared seq2seq {@link GenerationOptions}).
 *
 * @param beamSize 1 = greedy search
 * @param lengthPenalty alpha of Hugging Face's {@code sumLogProb / length^alpha} (1.0 = mean
 *     log-probability per word piece; higher favours longer summaries)
 * @param minLength word pieces a summary has at least (EOS is suppressed until then)
 * @param maxLength most word pieces generated, EOS included
 * @param noRepeatNgramSize no word-piece n-gram of this size occurs twice in a summary (0: off)
 */
public record SummaryOptions(int beamSize, double lengthPenalty, int minLength, int maxLength, int noRepeatNgramSize) {

  public SummaryOptions {
    new GenerationOptions(beamSize, lengthPenalty, maxLength, minLength, noRepeatNgramSize); // validates
  }

  public SummaryOptions withLength(int newMinLength, int newMaxLength) {
    return new SummaryOptions(beamSize, lengthPenalty, newMinLength, newMaxLength, noRepeatNgramSize);
  }

  public SummaryOptions withBeam(int newBeamSize, double newLengthPenalty) {
    return new SummaryOptions(newBeamSize, newLengthPenalty, minLength, maxLength, noRepeatNgramSize);
  }

  public SummaryOptions withNoRepeatNgramSize(int n) {
    return new SummaryOptions(beamSize, lengthPenalty, minLength, maxLength, n);
  }

  public GenerationOptions generation() {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength, minLength, noRepeatNgramSize);
  }

  public static SummaryOptions of(GenerationOptions g) {
    return new SummaryOptions(g.beamSize(), g.lengthPenalty(), g.minLength(), g.maxLength(), g.noRepeatNgramSize());
  }
}
