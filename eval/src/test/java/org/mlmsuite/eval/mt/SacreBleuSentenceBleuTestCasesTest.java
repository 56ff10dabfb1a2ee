package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases of sacreBLEU's test/test_sentence_bleu.py (v2.6.0), inputs and expected figures copied,
 * with its tolerance of 1e-3. An empty smoothing value means the method's default.
 */
class SacreBleuSentenceBleuTestCasesTest {
  private static final double EPSILON = 1e-3;

  // Example from sacreBLEU issue #98
  private static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
  private static final String SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

  // Example from sacreBLEU issue #141
  private static final String REF_0 = "okay thanks";
  private static final String SYS_0 = "this is a cat";

  private static BleuOptions options(String smooth, Double value, boolean lowercase, String tok) {
    return BleuOptions.sentenceDefaults().withSmoothing(SmoothMethod.fromName(smooth), value)
        .withLowercase(lowercase).withTokenizer(BleuTokenizer.fromName(tok));
  }

  @ParameterizedTest
  @CsvSource({
      "exp,   , false, 13a, 8.493",
      "none,  , false, 13a, 0.0",
      "floor, , false, 13a, 4.51688",
      "floor, 0.1, false, 13a, 4.51688",
      "floor, 0.5, false, 13a, 10.10",
      "add-k, , false, 13a, 14.882",
      "add-k, 1, false, 13a, 14.882",
      "add-k, 2, false, 13a, 21.389",
      "exp,   , false, none, 7.347",
      "exp,   , false, intl, 8.493",
      "exp,   , false, char, 40.8759",
      "exp,   , true,  char, 42.0267"})
  void sentenceBleu(String smooth, Double value, boolean lowercase, String tok, double expected) {
    assertEquals(expected, Bleu.sentence(SYS, List.of(REF), options(smooth, value, lowercase, tok)).score(), EPSILON);
  }

  @ParameterizedTest
  @CsvSource({
      "exp,   , false, 13a",
      "none,  , false, 13a",
      "floor, , false, 13a",
      "floor, 0.1, false, 13a",
      "add-k, , false, 13a",
      "add-k, 1, false, 13a"})
  void sentenceWithoutAnyMatchScoresZero(String smooth, Double value, boolean lowercase, String tok) {
    assertEquals(0.0, Bleu.sentence(SYS_0, List.of(REF_0), options(smooth, value, lowercase, tok)).score(), EPSILON);
  }
}
