package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of sacreBLEU's test/test_chrf.py (v2.6.0): inputs and expected figures copied, with
 * its tolerance of 1e-4. Its corpus cases use char order 6, word order 0 and beta 3.
 */
class SacreBleuChrfTestCasesTest {
  private static final double EPSILON = 1e-4;
  private static final ChrfOptions BETA_3 = ChrfOptions.chrf().withBeta(3);

  static Stream<Arguments> epsSmoothingCases() {
    return Stream.of(
        Arguments.of(List.of("abcdefg"), List.of("hijklmnop"), 0.0),
        Arguments.of(List.of("a"), List.of("b"), 0.0),
        Arguments.of(List.of(""), List.of("b"), 0.0),
        Arguments.of(List.of(""), List.of("ref"), 0.0),
        Arguments.of(List.of(""), List.of("reference"), 0.0),
        Arguments.of(List.of("aa"), List.of("ab"), 8.3333),
        Arguments.of(List.of("a", "b"), List.of("a", "c"), 8.3333),
        Arguments.of(List.of("a"), List.of("a"), 16.6667),
        Arguments.of(List.of("a b c"), List.of("a b c"), 50.0),
        Arguments.of(List.of("a b c"), List.of("abc"), 50.0),
        Arguments.of(
            List.of(" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
            List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."),
            63.361730),
        Arguments.of(
            List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
            List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."),
            64.1302698),
        Arguments.of(
            List.of("Niemand hat die Absicht, eine Mauer zu errichten"),
            List.of("Niemand hat die Absicht, eine Mauer zu errichten"),
            100.0));
  }

  @ParameterizedTest
  @MethodSource("epsSmoothingCases")
  void chrfWithEpsSmoothing(List<String> hyps, List<String> refs, double expected) {
    assertEquals(expected, Chrf.corpus(hyps, List.of(refs), BETA_3.withEpsSmoothing(true)).score(), EPSILON);
  }

  static Stream<Arguments> effectiveOrderCases() {
    return Stream.of(
        Arguments.of(List.of("a"), List.of("a"), 100.0),
        Arguments.of(List.of(""), List.of("reference"), 0.0),
        Arguments.of(List.of("a b c"), List.of("a b c"), 100.0),
        Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
        Arguments.of(List.of(""), List.of("c"), 0.0),
        Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
        Arguments.of(List.of("aa"), List.of("ab"), 25.0));
  }

  @ParameterizedTest
  @MethodSource("effectiveOrderCases")
  void chrfWithEffectiveOrder(List<String> hyps, List<String> refs, double expected) {
    assertEquals(expected, Chrf.corpus(hyps, List.of(refs), BETA_3).score(), EPSILON);
  }

  static Stream<Arguments> keepWhitespaceCases() {
    return Stream.of(
        Arguments.of(
            List.of("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."),
            List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."),
            67.3481606),
        Arguments.of(
            List.of("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
            List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."),
            65.2414427));
  }

  @ParameterizedTest
  @MethodSource("keepWhitespaceCases")
  void chrfKeepingWhitespace(List<String> hyps, List<String> refs, double expected) {
    assertEquals(expected, Chrf.corpus(hyps, List.of(refs), BETA_3.withWhitespace(true)).score(), EPSILON);
  }

  static Stream<Arguments> sentenceCases() {
    return Stream.of(
        Arguments.of(
            "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
            List.of("Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."),
            39.14078509),
        Arguments.of(
            "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
            List.of("A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."),
            31.22557079),
        Arguments.of(
            "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
            List.of("Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."),
            57.15704367));
  }

  @ParameterizedTest
  @MethodSource("sentenceCases")
  void sentenceChrf(String hyp, List<String> refs, double expected) {
    assertEquals(expected, Chrf.sentence(hyp, refs, ChrfOptions.chrf().withEpsSmoothing(true)).score(), EPSILON);
  }
}
