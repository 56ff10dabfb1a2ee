package org.mlmsuite.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of rouge-score's rouge_scorer_test.py (google-research/google-research, rouge/), with
 * their inputs and expected figures; the "AgainstRouge155" figures are ROUGE-1.5.5's outputs.
 */
class RougeScorerTest {
  private static final double PLACES_7 = 1e-7; // Python's assertAlmostEqual default
  private static final double PLACES_5 = 0.5e-5;

  private static final List<String> TARGETS = lines("target.txt");
  private static final List<String> PREDICTIONS = lines("prediction.txt");

  private static RougeScorer scorer(boolean stem, String... types) {
    return RougeScorer.of(List.of(types), stem);
  }

  private static void assertScore(double p, double r, double f, Score actual, double delta) {
    assertEquals(p, actual.precision(), delta, "precision");
    assertEquals(r, actual.recall(), delta, "recall");
    assertEquals(f, actual.fmeasure(), delta, "fmeasure");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rougen", "rouge0", "rouge10"})
  void invalidRougeTypes(String type) {
    assertThrows(IllegalArgumentException.class, () -> scorer(false, type).score("testing one two", "testing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rouge1", "rouge9", "rougeL", "rougeLsum"})
  void validRougeTypes(String type) {
    Map<RougeType, Score> result = scorer(false, type).score("testing one two", "testing");
    assertEquals(Set.of(RougeType.parse(type)), result.keySet());
  }

  @Test
  void rouge1() {
    Score s = scorer(false, "rouge1").score("testing one two", "testing").get(RougeType.ROUGE_1);
    assertScore(1, 1.0 / 3, 1.0 / 2, s, PLACES_7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rouge1", "rouge2", "rougeL", "rougeLsum"})
  void rougeEmpty(String type) {
    Score s = scorer(false, type).score("testing one two", "").get(RougeType.parse(type));
    assertScore(0, 0, 0, s, PLACES_7);
  }

  @Test
  void rouge2() {
    Score s = scorer(false, "rouge2").score("testing one two", "testing one").get(RougeType.ROUGE_2);
    assertScore(1, 1.0 / 2, 2.0 / 3, s, PLACES_7);
  }

  @Test
  void rougeLConsecutive() {
    Score s = scorer(false, "rougeL").score("testing one two", "testing one").get(RougeType.ROUGE_L);
    assertScore(1, 2.0 / 3, 4.0 / 5, s, PLACES_7);
  }

  @Test
  void rougeLNonConsecutive() {
    Score s = scorer(false, "rougeL").score("testing one two", "testing two").get(RougeType.ROUGE_L);
    assertScore(1, 2.0 / 3, 4.0 / 5, s, PLACES_7);
  }

  @Test
  void multipleRougeTypes() {
    Map<RougeType, Score> result = scorer(false, "rouge1", "rougeL").score("testing one two", "testing one");
    assertEquals(Set.of(RougeType.ROUGE_1, RougeType.ROUGE_L), result.keySet());
    assertScore(1, 2.0 / 3, 4.0 / 5, result.get(RougeType.ROUGE_1), PLACES_7);
    assertScore(1, 2.0 / 3, 4.0 / 5, result.get(RougeType.ROUGE_L), PLACES_7);
  }

  @Test
  void rouge1AgainstRouge155() {
    RougeScorer scorer = scorer(false, "rouge1");
    assertScore(0.68750, 0.40741, 0.51163, scorer.score(TARGETS.get(0), PREDICTIONS.get(0)).get(RougeType.ROUGE_1), PLACES_5);
    assertScore(0.65385, 0.40476, 0.50000, scorer.score(TARGETS.get(1), PREDICTIONS.get(1)).get(RougeType.ROUGE_1), PLACES_5);
  }

  @Test
  void rouge1AgainstRouge155WithStemming() {
    RougeScorer scorer = scorer(true, "rouge1");
    assertScore(0.68750, 0.40741, 0.51163, scorer.score(TARGETS.get(0), PREDICTIONS.get(0)).get(RougeType.ROUGE_1), PLACES_5);
    assertScore(0.69231, 0.42857, 0.52941, scorer.score(TARGETS.get(1), PREDICTIONS.get(1)).get(RougeType.ROUGE_1), PLACES_5);
  }

  @Test
  void rouge2AgainstRouge155() {
    RougeScorer scorer = scorer(false, "rouge2");
    assertScore(0.53333, 0.30769, 0.39024, scorer.score(TARGETS.get(0), PREDICTIONS.get(0)).get(RougeType.ROUGE_2), PLACES_5);
    assertScore(0.48000, 0.29268, 0.36364, scorer.score(TARGETS.get(1), PREDICTIONS.get(1)).get(RougeType.ROUGE_2), PLACES_5);
  }

  @Test
  void rouge2AgainstRouge155WithStemming() {
    RougeScorer scorer = scorer(true, "rouge2");
    assertScore(0.53333, 0.30769, 0.39024, scorer.score(TARGETS.get(0), PREDICTIONS.get(0)).get(RougeType.ROUGE_2), PLACES_5);
    assertScore(0.48000, 0.29268, 0.36364, scorer.score(TARGETS.get(1), PREDICTIONS.get(1)).get(RougeType.ROUGE_2), PLACES_5);
  }

  @Test
  void rougeLAgainstRouge155() {
    RougeScorer scorer = scorer(false, "rougeL");
    assertScore(0.68750, 0.40741, 0.51163, scorer.score(TARGETS.get(0), PREDICTIONS.get(0)).get(RougeType.ROUGE_L), PLACES_5);
    assertScore(0.65385, 0.40476, 0.50000, scorer.score(TARGETS.get(1), PREDICTIONS.get(1)).get(RougeType.ROUGE_L), PLACES_5);
  }

  @Test
  void rougeLsumAgainstRouge155WithStemming() {
    Score s = scorer(true, "rougeLsum")
        .score(text("target_multi.0.txt"), text("prediction_multi.0.txt"))
        .get(RougeType.ROUGE_LSUM);
    assertScore(0.66667, 0.36538, 0.47205, s, PLACES_5);
  }

  @Test
  void lcsTable() {
    List<Integer> ref = List.of(1, 2, 3, 4, 5);
    List<Integer> c1 = List.of(2, 5, 3, 4);
    assertEquals(3, LongestCommonSubsequence.table(ref, c1)[ref.size()][c1.size()]);
    assertEquals(List.of(1, 2, 3), LongestCommonSubsequence.indices(ref, c1));
    assertEquals(List.of(2, 3, 4), LongestCommonSubsequence.indices(ref, c1).stream().map(ref::get).toList());

    List<Integer> c2 = List.of(8, 9);
    assertEquals(0, LongestCommonSubsequence.table(ref, c2)[ref.size()][c2.size()]);
    assertEquals(List.of(), LongestCommonSubsequence.indices(ref, c2));
  }

  @Test
  void unionLcs() {
    // Lin (2004), section 3.2, with indices into ref.
    List<Integer> ref = List.of(1, 2, 3, 4, 5);
    List<Integer> c1 = List.of(1, 2, 6, 7, 8);
    List<Integer> c2 = List.of(1, 3, 8, 9, 5);
    assertEquals(List.of(0, 1), LongestCommonSubsequence.indices(ref, c1));
    assertEquals(List.of(0, 2, 4), LongestCommonSubsequence.indices(ref, c2));
    List<Integer> union = LongestCommonSubsequence.unionIndices(ref, List.of(c1, c2));
    assertEquals(List.of(0, 1, 2, 4), union);
    assertEquals(List.of(0, 1, 2, 4), LongestCommonSubsequence.unionIndices(ref, List.of(c2, c1)));
    assertEquals(List.of(1, 2, 3, 5), union.stream().map(ref::get).toList());
  }

  @Test
  void summaryLevelLcs() {
    List<List<String>> refs = List.of(List.of("1", "2", "3", "4", "5"));
    List<List<String>> cans = List.of(List.of("1", "2", "6", "7", "8"), List.of("1", "3", "8", "9", "5"));
    Score s = RougeScorer.summaryLevelLcs(refs, cans);
    assertEquals(0.8, s.recall(), 0.0);
    assertEquals(0.4, s.precision(), 0.0);
    assertEquals(0.5333, s.fmeasure(), 0.5e-3);

    // The tokenizer may drop all tokens, leaving an empty candidate sentence.
    assertEquals(0.0, RougeScorer.summaryLevelLcs(List.of(List.of("reference")), List.of(List.of())).recall(), 0.0);
  }

  @Test
  void rougeLsum() {
    RougeScorer scorer = scorer(false, "rougeLsum");
    Score s = scorer.score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5").get(RougeType.ROUGE_LSUM);
    assertEquals(0.8, s.recall(), PLACES_7);
    assertEquals(0.4, s.precision(), PLACES_7);
    assertEquals(0.5333, s.fmeasure(), 0.5e-3);

    assertScore(0, 0, 0, scorer.score("w1 w2 w3 w4 w5", "").get(RougeType.ROUGE_LSUM), 0.5e-3);
    assertScore(0, 0, 0, scorer.score("", "w1").get(RougeType.ROUGE_LSUM), 0.5e-3);
    // A summary of non-word characters only.
    assertScore(0, 0, 0, scorer.score("w1 w2 w3 w4 w5", "/").get(RougeType.ROUGE_LSUM), 0.5e-3);
  }

  // ---- beyond rouge-score's own tests: hand-computed ------------------------------------------

  @Test
  void scoreMultiKeepsTheBestReferencePerType() {
    RougeScorer scorer = scorer(false, "rouge1", "rougeL");
    List<String> refs = List.of("first text", "first something");
    assertEquals(1.0, scorer.scoreMulti(refs, "text first").get(RougeType.ROUGE_1).fmeasure(), PLACES_7);
    assertEquals(2.0 / 3, scorer.scoreMulti(refs, "something").get(RougeType.ROUGE_1).fmeasure(), PLACES_7);

    // rouge1 prefers the reordered reference (all 5 unigrams), rougeL the in-order one (LCS 4 of 5 vs 1).
    Map<RougeType, Score> best = scorer.scoreMulti(List.of("a b c d", "e d c b a"), "a b c d e");
    assertScore(1, 1, 1, best.get(RougeType.ROUGE_1), PLACES_7);
    assertScore(4.0 / 5, 1, 8.0 / 9, best.get(RougeType.ROUGE_L), PLACES_7);
  }

  @Test
  void scoreMultiTiesKeepTheFirstReference() {
    // Both references give F = 2/3 for rouge1 with P and R swapped; rouge-score's argmax keeps the first.
    RougeScorer scorer = scorer(false, "rouge1");
    assertScore(1.0 / 2, 1, 2.0 / 3, scorer.scoreMulti(List.of("a", "a b c d"), "a b").get(RougeType.ROUGE_1), PLACES_7);
    assertScore(1, 1.0 / 2, 2.0 / 3, scorer.scoreMulti(List.of("a b c d", "a"), "a b").get(RougeType.ROUGE_1), PLACES_7);
  }

  @Test
  void ngramCountsAreClipped() {
    // "the" occurs 3 times in the prediction but twice in the reference: 2 + 1 ("cat") of 4 match.
    Score s = scorer(false, "rouge1").score("the cat the mat", "the the the cat").get(RougeType.ROUGE_1);
    assertScore(3.0 / 4, 3.0 / 4, 3.0 / 4, s, PLACES_7);
  }

  private static String text(String resource) {
    try (InputStream in = RougeScorerTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(String resource) {
    return text(resource).lines().toList();
  }
}
