package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.datasets.LabeledText;

class DoccatBaselineTest {
  @Test
  void learnsTheSyntheticTask() {
    List<LabeledText> train = FrozenBackboneTest.examples(400, 1);
    List<LabeledText> test = FrozenBackboneTest.examples(100, 2);
    DoccatBaseline doccat = DoccatBaseline.train(train, new DoccatBaseline.Options(50, 1));
    ClassifierEvaluation.Scored s = ClassifierEvaluation.score("doccat", true, test, doccat.predictAll(test),
        List.of(SyntheticReviews.NEGATIVE, SyntheticReviews.POSITIVE));
    assertTrue(s.report().accuracy() >= 0.95, "accuracy " + s.report().accuracy());
  }

  @Test
  void pairTokensArePrefixed() {
    assertArrayEquals(new String[] {"good", "film", "b:bad", "b:film", "b:."},
        DoccatBaseline.tokens("Good film", "bad film."));
  }
}
