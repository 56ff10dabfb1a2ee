package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlmsuite.eval.classification.ClassificationMetrics;

/** Scores from summed counts equal eval's scores from the lists, empty cells and unused labels included. */
class ConfusionCountsTest {
  @Test
  void countsGiveTheReportOfTheLists() {
    List<String> labels = List.of("b", "a", "c", "never");
    Random random = new Random(3);
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    long[][] counts = new long[4][4];
    for (int i = 0; i < 500; i++) {
      int g = random.nextInt(3);
      // "c" is never predicted and gold "a" is predicted right half the time: empty cells and rows
      int p = g == 1 && random.nextBoolean() ? 1 : random.nextInt(2);
      gold.add(labels.get(g));
      predicted.add(labels.get(p));
      counts[g][p]++;
    }
    assertEquals(ClassificationMetrics.evaluate(gold, predicted, labels), new ConfusionCounts(labels, counts).report());
  }

  @Test
  void oneCellAlone() {
    List<String> labels = List.of("x", "y");
    assertEquals(ClassificationMetrics.evaluate(List.of("y", "y"), List.of("y", "y"), labels),
        new ConfusionCounts(labels, new long[][] {{0, 0}, {0, 2}}).report());
  }
}
