package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input checking, hand-computed statistics and JSON round trips of the BLEU / chrF API. */
class MtMetricsApiTest {
  @Test
  void closestReferenceLengthPrefersTheShorterOnTies() {
    // hypothesis of 3 tokens, references of 2 and 4 tokens: both 1 away, the shorter (2) wins
    BleuScore s = Bleu.sentence("a b c", List.of("a b c d", "a b"), BleuOptions.sentenceDefaults());
    assertEquals(3, s.sysLen());
    assertEquals(2, s.refLen());
    assertEquals(1.0, s.bp());
  }

  @Test
  void brevityPenaltyByHand() {
    // 2 of 4 reference tokens, all matching: unigram 2/2, bigram 1/1, so BLEU = BP = exp(1 - 4/2)
    BleuScore s = Bleu.corpus(List.of("a b"), List.of(List.of("a b c d")), BleuOptions.corpusDefaults().withMaxNgramOrder(2));
    assertEquals(List.of(2, 1), s.counts());
    assertEquals(Math.exp(1 - 4.0 / 2), s.bp(), 0.0);
    assertEquals(100 * Math.exp(-1), s.score(), 1e-12);
  }

  @Test
  void countsAreClippedByTheMostGenerousReference() {
    // "the" 3 times in the hypothesis; at most 2 in any one reference
    BleuScore s = Bleu.corpus(List.of("the the the"), List.of(List.of("the cat the"), List.of("the the")),
        BleuOptions.corpusDefaults());
    assertEquals(2, s.counts().get(0));
    assertEquals(3, s.totals().get(0));
  }

  @Test
  void missingReferencesMakeTheCountVariable() {
    List<List<String>> refs = List.of(List.of("a b", "c d"), Arrays.asList("a b", null));
    assertEquals("nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
        Bleu.corpus(List.of("a b", "c d"), refs, BleuOptions.corpusDefaults()).signature());
    assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0",
        Chrf.sentences(List.of("a b", "c d"), refs, ChrfOptions.chrf()).get(1).signature());
  }

  @Test
  void badInputsNameWhatIsWrong() {
    assertEquals("reference stream 2 has 1 segments but there are 2 hypotheses", assertThrows(IllegalArgumentException.class,
        () -> Bleu.corpus(List.of("a", "b"), List.of(List.of("a", "b"), List.of("a")), BleuOptions.corpusDefaults())).getMessage());
    assertEquals("segment 1 has no reference", assertThrows(IllegalArgumentException.class,
        () -> Chrf.corpus(List.of("a"), List.of(Arrays.asList((String) null)), ChrfOptions.chrf())).getMessage());
    assertEquals("no hypotheses to score", assertThrows(IllegalArgumentException.class,
        () -> Bleu.corpus(List.of(), List.of(List.of()), BleuOptions.corpusDefaults())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.fromName("moses"));
    assertThrows(IllegalArgumentException.class, () -> SmoothMethod.fromName("add-one"));
    assertThrows(IllegalArgumentException.class, () -> ChrfOptions.chrf().withCharOrder(0).withWordOrder(0));
  }

  @Test
  void scoresRoundTripThroughJackson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    BleuScore bleu = Bleu.corpus(List.of("a b c d"), List.of(List.of("a b c e")), BleuOptions.corpusDefaults());
    assertEquals(bleu, json.readValue(json.writeValueAsString(bleu), BleuScore.class));
    ChrfScore chrf = Chrf.corpus(List.of("a b c d"), List.of(List.of("a b c e")), ChrfOptions.chrfPlusPlus());
    assertEquals(chrf, json.readValue(json.writeValueAsString(chrf), ChrfScore.class));
    BleuOptions options = BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.FLOOR, 0.2);
    assertEquals(options, json.readValue(json.writeValueAsString(options), BleuOptions.class));
  }
}
