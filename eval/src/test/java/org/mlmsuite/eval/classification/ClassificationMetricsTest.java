package org.mlmsuite.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases and the examples in scikit-learn's documentation. */
class ClassificationMetricsTest {
  private static final double EXACT = 0.0;

  /** sklearn precision_recall_fscore_support docstring: cat/dog/pig. */
  @Test
  void scikitLearnDocumentedAverages() {
    ClassificationReport r = ClassificationMetrics.evaluate(
        List.of("cat", "dog", "pig", "cat", "dog", "pig"),
        List.of("cat", "pig", "dog", "cat", "cat", "dog"));
    assertEquals(List.of("cat", "dog", "pig"), r.labels());
    // cat: tp 2, predicted 3, gold 2; dog and pig: no true positives
    assertEquals(2.0 / 3, r.forLabel("cat").precision(), EXACT);
    assertEquals(1.0, r.forLabel("cat").recall(), EXACT);
    assertEquals(0.8, r.forLabel("cat").f1(), EXACT);
    assertEquals(0.0, r.forLabel("dog").f1(), EXACT);
    assertEquals(0.22, r.macro().precision(), 0.005);
    assertEquals(0.33, r.macro().recall(), 0.005);
    assertEquals(0.26, r.macro().f1(), 0.01);
    assertEquals(1.0 / 3, r.micro().f1(), 1e-15);
    assertEquals(0.22, r.weighted().precision(), 0.005);
    assertEquals(0.26, r.weighted().f1(), 0.01);
    assertEquals(2.0 / 6, r.accuracy(), EXACT);
  }

  /** sklearn confusion_matrix docstring with string labels. */
  @Test
  void scikitLearnDocumentedConfusionMatrix() {
    ClassificationReport r = ClassificationMetrics.evaluate(
        List.of("cat", "ant", "cat", "cat", "ant", "bird"),
        List.of("ant", "ant", "cat", "cat", "ant", "cat"),
        List.of("ant", "bird", "cat"));
    assertEquals(List.of(List.of(2L, 0L, 0L), List.of(0L, 0L, 1L), List.of(1L, 0L, 2L)), r.confusionMatrix().counts());
    assertEquals(1L, r.confusionMatrix().count("bird", "cat"));
  }

  /** sklearn matthews_corrcoef docstring: y_true [+1, +1, +1, -1], y_pred [+1, -1, +1, +1] gives -1/3. */
  @Test
  void scikitLearnDocumentedMatthews() {
    ClassificationReport r = ClassificationMetrics.evaluate(List.of("+1", "+1", "+1", "-1"), List.of("+1", "-1", "+1", "+1"));
    // tp 2, fn 1, fp 1, tn 0: (2*0 - 1*1) / sqrt(3*3*1*1)
    assertEquals(-1.0 / 3, r.matthewsCorrelation(), 1e-15);
  }

  @Test
  void perfectAndConstantPredictions() {
    ClassificationReport perfect = ClassificationMetrics.evaluate(List.of("a", "b", "c"), List.of("a", "b", "c"));
    assertEquals(1.0, perfect.matthewsCorrelation(), EXACT);
    assertEquals(1.0, perfect.macro().f1(), EXACT);
    // one predicted class: MCC undefined, reported 0 as sklearn does
    ClassificationReport constant = ClassificationMetrics.evaluate(List.of("a", "b", "b", "a"), List.of("a", "a", "a", "a"));
    assertEquals(0.0, constant.matthewsCorrelation(), EXACT);
    assertEquals(0.0, constant.forLabel("b").precision(), EXACT); // never predicted: 0/0 -> 0
    assertEquals(0.5, constant.forLabel("a").precision(), EXACT);
    assertEquals(2.0 / 3, constant.forLabel("a").f1(), EXACT); // 2*2 / (2 + 4)
  }

  @Test
  void labelOnlyPredictedHasZeroSupportAndRecall() {
    ClassificationReport r = ClassificationMetrics.evaluate(List.of("x", "x", "y"), List.of("x", "z", "y"));
    assertEquals(List.of("x", "y", "z"), r.labels());
    ClassScores z = r.forLabel("z");
    assertEquals(0L, z.support());
    assertEquals(0.0, z.recall(), EXACT);
    assertEquals(0.0, z.f1(), EXACT);
    // macro over x (2/3 F1), y (1), z (0); weighted ignores z (support 0)
    assertEquals((2.0 / 3 + 1 + 0) / 3, r.macro().f1(), 1e-15);
    assertEquals((2.0 / 3 * 2 + 1) / 3, r.weighted().f1(), 1e-15);
  }

  @Test
  void explicitLabelsMayAddAbsentClassesToTheMacroAverage() {
    ClassificationReport r = ClassificationMetrics.evaluate(List.of("a", "b"), List.of("a", "b"), List.of("b", "a", "never"));
    assertEquals(List.of("b", "a", "never"), r.labels());
    assertEquals(2.0 / 3, r.macro().f1(), EXACT);
    assertEquals(1.0, r.weighted().f1(), EXACT);
    assertEquals(1.0, r.micro().f1(), EXACT);
  }

  @Test
  void labelsSortByCodePointAsPythonDoes() {
    // U+FB01 sorts before U+1F600 by code point, after it by UTF-16 unit
    ClassificationReport r = ClassificationMetrics.evaluate(List.of("\uD83D\uDE00", "\uFB01", "B", "a"), List.of("a", "B", "\uFB01", "\uD83D\uDE00"));
    assertEquals(List.of("B", "a", "\uFB01", "\uD83D\uDE00"), r.labels());
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.evaluate(List.of("a", "b"), List.of("a")));
    assertEquals("there are 2 gold labels but 1 predictions", sizes.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.evaluate(List.of(), List.of()));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.evaluate(List.of("a", "b"), List.of("a", "c"), List.of("a", "b")));
    assertEquals("sample 2: predicted label 'c' is not in the label list", unknown.getMessage());
  }

  @Test
  void reportRoundTripsThroughJackson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ClassificationReport r = ClassificationMetrics.evaluate(List.of("a", "b", "b"), List.of("a", "b", "a"));
    assertEquals(r, json.readValue(json.writeValueAsString(r), ClassificationReport.class));
  }
}
