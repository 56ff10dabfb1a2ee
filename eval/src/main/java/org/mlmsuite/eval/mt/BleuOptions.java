package org.mlmsuite.eval.mt;

/**
 * How BLEU is computed; the defaults are sacreBLEU's.
 *
 * @param tokenizer how segments are split into words (sacreBLEU {@code --tokenize})
 * @param lowercase lowercase hypotheses and references before tokenizing
 * @param smoothMethod smoothing of zero n-gram matches
 * @param smoothValue the value for {@code floor} / {@code add-k}; {@code null} for the method's default
 * @param effectiveOrder average only over the n-gram orders the hypothesis has n-grams for
 * @param maxNgramOrder the highest n-gram order (4 in standard BLEU)
 */
public record BleuOptions(
    BleuTokenizer tokenizer,
    boolean lowercase,
    SmoothMethod smoothMethod,
    Double smoothValue,
    boolean effectiveOrder,
    int maxNgramOrder) {

  public static final int DEFAULT_MAX_NGRAM_ORDER = 4;

  public BleuOptions {
    if (tokenizer == null) {
      throw new IllegalArgumentException("BLEU tokenizer must not be null");
    }
    if (smoothMethod == null) {
      throw new IllegalArgumentException("BLEU smoothing method must not be null");
    }
    if (maxNgramOrder < 1) {
      throw new IllegalArgumentException("BLEU max n-gram order must be at least 1, got " + maxNgramOrder);
    }
    if (smoothValue != null && (smoothValue.isNaN() || smoothValue < 0)) {
      throw new IllegalArgumentException("BLEU smoothing value must be a non-negative number, got " + smoothValue);
    }
  }

  /** sacreBLEU's {@code corpus_bleu} defaults: 13a, mixed case, exp smoothing, no effective order. */
  public static BleuOptions corpusDefaults() {
    return new BleuOptions(BleuTokenizer.THIRTEEN_A, false, SmoothMethod.EXP, null, false, DEFAULT_MAX_NGRAM_ORDER);
  }

  /** sacreBLEU's {@code sentence_bleu} defaults: as {@link #corpusDefaults()} with effective order. */
  public static BleuOptions sentenceDefaults() {
    return corpusDefaults().withEffectiveOrder(true);
  }

  public BleuOptions withTokenizer(BleuTokenizer t) {
    return new BleuOptions(t, lowercase, smoothMethod, smoothValue, effectiveOrder, maxNgramOrder);
  }

  public BleuOptions withLowercase(boolean lc) {
    return new BleuOptions(tokenizer, lc, smoothMethod, smoothValue, effectiveOrder, maxNgramOrder);
  }

  /** Smoothing with the method's default value. */
  public BleuOptions withSmoothing(SmoothMethod method) {
    return new BleuOptions(tokenizer, lowercase, method, null, effectiveOrder, maxNgramOrder);
  }

  /** Smoothing with an explicit value ({@code null} for the method's default). */
  public BleuOptions withSmoothing(SmoothMethod method, Double value) {
    return new BleuOptions(tokenizer, lowercase, method, value, effectiveOrder, maxNgramOrder);
  }

  public BleuOptions withEffectiveOrder(boolean eff) {
    return new BleuOptions(tokenizer, lowercase, smoothMethod, smoothValue, eff, maxNgramOrder);
  }

  public BleuOptions withMaxNgramOrder(int order) {
    return new BleuOptions(tokenizer, lowercase, smoothMethod, smoothValue, effectiveOrder, order);
  }

  /** The smoothing value actually used: the given one, else the method's default (null if none). */
  public Double resolvedSmoothValue() {
    return smoothValue != null ? smoothValue : smoothMethod.defaultValue();
  }
}
