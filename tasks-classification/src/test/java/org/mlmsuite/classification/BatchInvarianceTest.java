package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

/**
 * Padding must not leak: a text gets the same label and probabilities (within 1e-5) whether it is
 * predicted alone or inside batches of 8 and 32 beside texts of other lengths.
 */
class BatchInvarianceTest {
  @TempDir static Path tmp;
  static Path model;

  @BeforeAll
  static void fineTune() {
    Path backbone = tmp.resolve("backbone");
    SyntheticReviews.backbone(backbone);
    List<LabeledText> train = new ArrayList<>();
    for (String[] row : SyntheticReviews.rows(256, 1)) {
      train.add(new LabeledText(row[0], null, row[1], new Origin(Path.of("synthetic"), train.size() + 1)));
    }
    model = tmp.resolve("clf");
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(40).withLearningRate(2e-3).withBatch(16, 32);
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(backbone, train,
        List.of(), "synthetic", "synthetic", null, new TextColumns("review", null, "sentiment"), cfg, model, false));
  }

  @Test
  void aTextGetsTheSameAnswerAloneAndInMixedLengthBatches() {
    // lengths from 3 to 30 word pieces, so every batch pads most of its rows
    List<String> texts = new ArrayList<>();
    for (String[] row : SyntheticReviews.rows(64, 7)) {
      texts.add(texts.size() % 4 == 0 ? row[0] + " " + row[0] + " " + row[0] : row[0]);
    }
    try (TextClassifier classifier = TextClassifier.load(model)) {
      List<Prediction> alone = texts.stream().map(classifier::predict).toList();
      for (int batchSize : new int[] {8, 32}) {
        for (int from = 0; from < texts.size(); from += batchSize) {
          List<Prediction> batch = classifier.predictBatch(texts.subList(from, from + batchSize));
          for (int i = 0; i < batchSize; i++) {
            assertSame(alone.get(from + i), batch.get(i), "text " + (from + i) + " in a batch of " + batchSize);
          }
        }
      }
    }
  }

  private static void assertSame(Prediction expected, Prediction actual, String where) {
    assertEquals(expected.label(), actual.label(), where);
    for (String label : expected.probabilities().keySet()) {
      assertEquals(expected.probabilities().get(label), actual.probabilities().get(label), 1e-5, where + ", p(" + label + ")");
    }
  }
}
