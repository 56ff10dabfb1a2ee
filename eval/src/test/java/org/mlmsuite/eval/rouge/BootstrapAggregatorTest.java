package org.mlmsuite.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapAggregatorTest {
  private static final RougeType R1 = RougeType.ROUGE_1;

  private static void assertAggregate(double[] p, double[] r, double[] f, RougeAggregate a, double delta) {
    Score[] bounds = {a.low(), a.mid(), a.high()};
    for (int i = 0; i < 3; i++) {
      assertEquals(p[i], bounds[i].precision(), delta, "precision bound " + i);
      assertEquals(r[i], bounds[i].recall(), delta, "recall bound " + i);
      assertEquals(f[i], bounds[i].fmeasure(), delta, "fmeasure bound " + i);
    }
  }

  private static BootstrapAggregator threeExamples(double confidence) {
    BootstrapAggregator agg = new BootstrapAggregator(confidence, 1000, 123);
    agg.add(Map.of(R1, new Score(1, 1.0 / 3, 1.0 / 2)));
    agg.add(Map.of(R1, new Score(0, 0, 0)));
    agg.add(Map.of(R1, new Score(1, 1, 1)));
    return agg;
  }

  /** rouge-score scoring_test.py testConsistentPercentiles. */
  @Test
  void consistentPercentiles() {
    assertAggregate(
        new double[] {1.0 / 3, 2.0 / 3, 3.0 / 3},
        new double[] {1.0 / 9, 4.0 / 9, 7.0 / 9},
        new double[] {1.0 / 6, 3.0 / 6, 5.0 / 6},
        threeExamples(0.9).aggregate().get(R1), 1e-8);
  }

  /** rouge-score scoring_test.py testLargeConfidence (confidence 0: all three bounds are the median). */
  @Test
  void largeConfidence() {
    assertAggregate(
        new double[] {2.0 / 3, 2.0 / 3, 2.0 / 3},
        new double[] {4.0 / 9, 4.0 / 9, 4.0 / 9},
        new double[] {3.0 / 6, 3.0 / 6, 3.0 / 6},
        threeExamples(0.0).aggregate().get(R1), 1e-8);
  }

  /** rouge-score scoring_test.py testMultipleRougeTypes, on the small test files instead of the large ones. */
  @Test
  void multipleRougeTypes() {
    RougeScorer scorer = RougeScorer.of(List.of("rouge1", "rougeL"), false);
    BootstrapAggregator agg = new BootstrapAggregator();
    agg.add(scorer.score("testing one two", "testing one"));
    agg.add(scorer.score("one two five six", "seven eight"));
    assertEquals(List.of(RougeType.ROUGE_1, RougeType.ROUGE_L), List.copyOf(agg.aggregate().keySet()));
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    double[] sorted = {1, 2, 3, 4};
    // numpy.percentile([1,2,3,4], [0, 25, 50, 90, 100]) = [1, 1.75, 2.5, 3.7, 4]
    assertEquals(1.0, BootstrapAggregator.percentile(sorted, 0), 1e-12);
    assertEquals(1.75, BootstrapAggregator.percentile(sorted, 0.25), 1e-12);
    assertEquals(2.5, BootstrapAggregator.percentile(sorted, 0.5), 1e-12);
    assertEquals(3.7, BootstrapAggregator.percentile(sorted, 0.9), 1e-12);
    assertEquals(4.0, BootstrapAggregator.percentile(sorted, 1), 1e-12);
  }

  /** The 95% interval should match the normal-theory interval mean +- 1.96 sd / sqrt(n) closely for n = 400. */
  @Test
  void intervalWidthMatchesNormalTheoryAndIsReproducible() {
    Random random = new Random(5);
    BootstrapAggregator a = new BootstrapAggregator(0.95, 1000, 42);
    BootstrapAggregator b = new BootstrapAggregator(0.95, 1000, 42);
    int n = 400;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble();
      sum += x;
      sumSq += x * x;
      a.add(Map.of(R1, Score.of(x, x)));
      b.add(Map.of(R1, Score.of(x, x)));
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    RougeAggregate agg = a.aggregate().get(R1);
    assertEquals(agg, b.aggregate().get(R1), "same seed, same interval");
    assertEquals(mean, agg.mean().precision(), 1e-12);
    double halfWidth = 1.96 * sd / Math.sqrt(n);
    assertEquals(mean, agg.mid().precision(), 0.25 * halfWidth);
    assertEquals(mean - halfWidth, agg.low().precision(), 0.2 * halfWidth);
    assertEquals(mean + halfWidth, agg.high().precision(), 0.2 * halfWidth);
    assertTrue(agg.low().precision() < mean && mean < agg.high().precision());
  }
}
