package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Characters assigned after Unicode 13 (Java 17's tables), tokenized as sacreBLEU 2.6.0 with
 * Python regex 2026.5.9 (Unicode 17) tokenizes them: U+20C0 SOM SIGN and U+1FA75 are symbols,
 * U+2E53 is punctuation, U+1E4F1/U+1E4F2 (Nag Mundari digits) are numbers, so the full stop
 * between them stays.
 */
class IntlTokenizerUnicodeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pay 5\u20c0 now|pay 5 \u20c0 now",
      "a\u2e53b|a \u2e53 b",
      "x\uD839\uDCF1.\uD839\uDCF2y|x\uD839\uDCF1.\uD839\uDCF2y",
      "z\uD83E\uDE75!|z \uD83E\uDE75 !"})
  void newerUnicodeCategoriesSplitAsInSacreBleu(String line, String expected) {
    assertEquals(expected, BleuTokenizer.INTL.tokenize(line));
  }
}
