package org.mlmsuite.summarization;

import java.util.Locale;
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

  /** As terminal lines and reports say it: {@code beam 4, length penalty 1.0, min length 3, max length 10, no-repeat 3-grams}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, min length %d, max length %d, no-repeat %s",
        beamSize == 1 ? "greedy" : "beam " + beamSize + ", length penalty " + lengthPenalty,
        minLength, maxLength, noRepeatNgramSize == 0 ? "off" : noRepeatNgramSize + "-grams");
  }

  public GenerationOptions generation() {
    return new GenerationOptions(beamSize, lengthPenalty, maxLength, minLength, noRepeatNgramSize);
  }

  public static SummaryOptions of(GenerationOptions g) {
    return new SummaryOptions(g.beamSize(), g.lengthPenalty(), g.minLength(), g.maxLength(), g.noRepeatNgramSize());
  }
}
