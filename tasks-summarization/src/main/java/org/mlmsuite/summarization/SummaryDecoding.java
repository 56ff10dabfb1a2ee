package org.mlmsuite.summarization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code summarize eval} and {@code summarize run} change of a model's own way of
 * summarizing: the extractive sentence count, or abstractive decoding options. A null field keeps
 * the model's saved value. Setting a field of the other mode is an error rather than silently
 * ignored; the messages name the command-line flags.
 *
 * @param k extractive: sentences per summary
 * @param beam abstractive: beam size, 1 = greedy
 * @param lengthPenalty abstractive: length penalty alpha
 * @param minLength abstractive: minimum summary word pieces
 * @param maxLength abstractive: maximum summary word pieces, EOS included
 * @param noRepeatNgram abstractive: blocked repeated n-gram size, 0 = off
 */
public record SummaryDecoding(Integer k, Integer beam, Double lengthPenalty, Integer minLength, Integer maxLength,
    Integer noRepeatNgram) {
  public static final SummaryDecoding MODEL_DEFAULTS = new SummaryDecoding(null, null, null, null, null, null);

  public SummaryDecoding withK(Integer newK) {
    return new SummaryDecoding(newK, beam, lengthPenalty, minLength, maxLength, noRepeatNgram);
  }

  public SummaryDecoding withBeam(Integer newBeam, Double newLengthPenalty) {
    return new SummaryDecoding(k, newBeam, newLengthPenalty, minLength, maxLength, noRepeatNgram);
  }

  public SummaryDecoding withLength(Integer newMinLength, Integer newMaxLength) {
    return new SummaryDecoding(k, beam, lengthPenalty, newMinLength, newMaxLength, noRepeatNgram);
  }

  public SummaryDecoding withNoRepeatNgram(Integer n) {
    return new SummaryDecoding(k, beam, lengthPenalty, minLength, maxLength, n);
  }

  /**
   * How {@code summarizer} summarizes with these changes.
   *
   * @throws IllegalArgumentException for a field of the other mode, or decoding options out of range
   */
  public Chosen choose(Summarizer summarizer) {
    if (summarizer.isAbstractive()) {
      rejectGiven(k == null ? List.of() : List.of("--k"), "abstractive");
      return new Chosen(0, options(summarizer.defaultOptions()), summarizer);
    }
    rejectGiven(abstractiveFlagsGiven(), "extractive");
    return new Chosen(k != null ? k : summarizer.info().k(), null, summarizer);
  }

  /** The model's saved options with the fields given here; a shorter maximum pulls the saved minimum below it. */
  private SummaryOptions options(SummaryOptions model) {
    int max = maxLength != null ? maxLength : model.maxLength();
    return new SummaryOptions(beam != null ? beam : model.beamSize(),
        lengthPenalty != null ? lengthPenalty : model.lengthPenalty(),
        minLength != null ? minLength : Math.min(model.minLength(), max - 1), max,
        noRepeatNgram != null ? noRepeatNgram : model.noRepeatNgramSize());
  }

  private List<String> abstractiveFlagsGiven() {
    Map<String, Object> byFlag = new LinkedHashMap<>();
    byFlag.put("--beam", beam);
    byFlag.put("--length-penalty", lengthPenalty);
    byFlag.put("--min-length", minLength);
    byFlag.put("--max-length", maxLength);
    byFlag.put("--no-repeat-ngram", noRepeatNgram);
    return byFlag.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
  }

  private static void rejectGiven(List<String> flags, String mode) {
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException(flags.get(0) + " does not apply to " + mode + " summarization");
    }
  }

  /**
   * The settled way one loaded model summarizes.
   *
   * @param k extractive sentences per summary (unused when {@code options} is set)
   * @param options abstractive decoding, or null for an extractive model
   */
  public record Chosen(int k, SummaryOptions options, Summarizer summarizer) {
    public List<String> summarizeAll(List<String> documents) {
      return options != null ? summarizer.summarizeAll(documents, options) : summarizer.summarizeAll(documents, k);
    }

    /** For the progress line: {@code extractive k=3}, or the decoding options. */
    public String describe() {
      return options != null ? options.describe() : "extractive k=" + k;
    }

    /** For the report's notes. */
    public String describeForReport() {
      return options != null
          ? "Abstractive (BERT2BERT encoder-decoder), " + options.describe() + " (word pieces)"
          : "Extractive, k=" + k + ", trigram blocking " + summarizer.info().trigramBlocking();
    }
  }
}
