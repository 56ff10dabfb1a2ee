package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of sacreBLEU's test/test_bleu.py (github.com/mjpost/sacrebleu, v2.6.0): inputs and
 * expected figures copied, with its tolerance of 1e-8 (on score / 100 where it divides).
 */
class SacreBleuBleuTestCasesTest {
  private static final double EPSILON = 1e-8;

  // README example: two reference streams of three segments
  private static final List<List<String>> REFS = List.of(
      List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
      List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));
  private static final List<String> HYPS = List.of(
      "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

  /** sacreBLEU's raw_corpus_bleu: no tokenization, floor smoothing, effective order. */
  private static BleuOptions raw(Double floor) {
    return BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.NONE)
        .withSmoothing(SmoothMethod.FLOOR, floor).withEffectiveOrder(true);
  }

  static Stream<Arguments> rawBleuCases() {
    return Stream.of(
        Arguments.of(List.of("this is a test", "another test"), List.of(List.of("ref1", "ref2")), 0.0),
        Arguments.of(List.of("this is a test"), List.of(List.of("this is a test")), 1.0),
        Arguments.of(List.of("this is a fest"), List.of(List.of("this is a test")), 0.223606797749979));
  }

  @ParameterizedTest
  @MethodSource("rawBleuCases")
  void rawBleu(List<String> hyps, List<List<String>> refs, double expected) {
    assertEquals(expected, Bleu.corpus(hyps, refs, raw(.01)).score() / 100, EPSILON);
  }

  static Stream<Arguments> corpusBleuCases() {
    BleuOptions defaults = BleuOptions.corpusDefaults();
    return Stream.of(
        Arguments.of(HYPS, defaults, 48.530827),
        Arguments.of(List.of("", "", ""), defaults, 0.0),
        Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.NONE), 49.1919566),
        Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.THIRTEEN_A), 48.530827),
        Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.INTL), 43.91623493),
        Arguments.of(HYPS, defaults.withSmoothing(SmoothMethod.NONE), 48.530827));
  }

  @ParameterizedTest
  @MethodSource("corpusBleuCases")
  void corpusBleu(List<String> hyps, BleuOptions options, double expected) {
    assertEquals(expected, Bleu.corpus(hyps, REFS, options).score(), EPSILON);
  }

  @ParameterizedTest
  @CsvSource({
      "test, a test, 0.3678794411714425",
      "a test, a test, 1.0",
      "a little test, a test, 0.03218297948685433"})
  void effectiveOrder(String hyp, String ref, double expected) {
    assertEquals(expected, Bleu.corpus(List.of(hyp), List.of(List.of(ref)), raw(.01)).score() / 100, EPSILON);
  }

  @Test
  void statistics() {
    BleuScore s = Bleu.corpus(List.of("am I am a character sequence"),
        List.of(List.of("I am a symbol string sequence a a")), raw(.01));
    assertEquals(List.of(4, 2, 1, 0), s.counts());
    assertEquals(List.of(6, 5, 4, 3), s.totals());
  }

  @Test
  void scoringFromStatistics() {
    BleuStatistics stats = new BleuStatistics(11, 11, List.of(9, 7, 5, 3), List.of(10, 8, 6, 4));
    BleuOptions computeBleuDefaults = BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.NONE);
    assertEquals(0.8375922397, Bleu.fromStatistics(stats, computeBleuDefaults, "1").score() / 100, EPSILON);
  }

  @Test
  void offset() {
    List<String> hyp = List.of("am I am a character sequence");
    List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
    assertEquals(0.0, Bleu.corpus(hyp, ref, raw(0.0)).score() / 100, EPSILON);
    assertEquals(0.1555722182, Bleu.corpus(hyp, ref, raw(null)).score() / 100, EPSILON);
    assertEquals(0.1555722182, Bleu.corpus(hyp, ref, raw(0.1)).score() / 100, EPSILON);
  }

  static Stream<Arguments> degenerateCases() {
    return Stream.of(
        Arguments.of(List.of(0, 0, 0, 0), List.of(4, 4, 2, 1), 0, 1, 0.0),
        Arguments.of(List.of(0, 0, 0, 0), List.of(10, 11, 12, 0), 14, 10, 0.0),
        Arguments.of(List.of(0, 0, 0, 0), List.of(0, 0, 0, 0), 0, 0, 0.0),
        Arguments.of(List.of(6, 5, 4, 0), List.of(6, 5, 4, 3), 6, 6, 0.0),
        Arguments.of(List.of(0, 0, 0, 0), List.of(0, 0, 0, 0), 0, 0, 0.1),
        Arguments.of(List.of(0, 0, 0, 0), List.of(0, 0, 0, 0), 1, 5, 0.01));
  }

  @ParameterizedTest
  @MethodSource("degenerateCases")
  void degenerateStatisticsScoreExactlyZero(List<Integer> matches, List<Integer> totals, int sysLen, int refLen, double floor) {
    BleuOptions options = BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.FLOOR, floor);
    double score = Bleu.fromStatistics(new BleuStatistics(sysLen, refLen, matches, totals), options, "1").score();
    assertEquals(0.0, score / 100);
  }

  @ParameterizedTest
  @CsvSource({"1, 77.65", "2, 60.50", "3, 53.93", "4, 48.53", "5, 46.14", "6, 43.28"})
  void maxNgramOrder(int order, String expected) {
    BleuScore s = Bleu.corpus(HYPS, REFS, BleuOptions.corpusDefaults().withMaxNgramOrder(order));
    assertEquals(expected, PythonText.fixed(s.score(), 2));
  }
}
