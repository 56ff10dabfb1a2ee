package org.mlmsuite.eval.mt;

/**
 * How chrF / chrF++ is computed; the defaults are sacreBLEU's.
 *
 * @param charOrder highest character n-gram order (6)
 * @param wordOrder highest word n-gram order: 0 for chrF, 2 for chrF++
 * @param beta recall is {@code beta} times as important as precision (2)
 * @param lowercase lowercase hypotheses and references
 * @param whitespace keep whitespace inside character n-grams (sacreBLEU removes it by default)
 * @param epsSmoothing chrF++.py / NLTK / Moses epsilon smoothing over all orders; when false
 *     (sacreBLEU's default) precision and recall are averaged over the orders both sides have
 */
public record ChrfOptions(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {

  public ChrfOptions {
    if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
      throw new IllegalArgumentException("chrF needs non-negative orders with at least one n-gram order, got char order "
          + charOrder + " and word order " + wordOrder);
    }
    if (beta < 0) {
      throw new IllegalArgumentException("chrF beta must not be negative, got " + beta);
    }
  }

  /** sacreBLEU's chrF: char order 6, no word n-grams, beta 2. */
  public static ChrfOptions chrf() {
    return new ChrfOptions(6, 0, 2, false, false, false);
  }

  /** sacreBLEU's chrF++: chrF plus word unigrams and bigrams. */
  public static ChrfOptions chrfPlusPlus() {
    return chrf().withWordOrder(2);
  }

  public ChrfOptions withCharOrder(int n) {
    return new ChrfOptions(n, wordOrder, beta, lowercase, whitespace, epsSmoothing);
  }

  public ChrfOptions withWordOrder(int n) {
    return new ChrfOptions(charOrder, n, beta, lowercase, whitespace, epsSmoothing);
  }

  public ChrfOptions withBeta(int b) {
    return new ChrfOptions(charOrder, wordOrder, b, lowercase, whitespace, epsSmoothing);
  }

  public ChrfOptions withLowercase(boolean lc) {
    return new ChrfOptions(charOrder, wordOrder, beta, lc, whitespace, epsSmoothing);
  }

  public ChrfOptions withWhitespace(boolean keep) {
    return new ChrfOptions(charOrder, wordOrder, beta, lowercase, keep, epsSmoothing);
  }

  public ChrfOptions withEpsSmoothing(boolean eps) {
    return new ChrfOptions(charOrder, wordOrder, beta, lowercase, whitespace, eps);
  }
}
