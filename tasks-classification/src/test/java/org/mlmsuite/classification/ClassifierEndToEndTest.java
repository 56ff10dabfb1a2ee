package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.train.CheckpointVariables;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.LabeledTextSource;
import org.mlmsuite.datasets.RecordReader;

/** One seconds-long fine-tune of a micro backbone on {@link SyntheticReviews}, then the library API. */
class ClassifierEndToEndTest {
  @TempDir static Path tmp;
  static Path model;
  static ClassifierTraining.Result result;
  static List<LabeledText> dev;

  static List<LabeledText> read(Path csv) throws IOException {
    try (RecordReader<LabeledText> r = LabeledTextSource.of(csv.toString(), null, "review", null, "sentiment", null)
        .open((Path) null, BadRowPolicy.FAIL)) {
      return r.readAll();
    }
  }

  @BeforeAll
  static void fineTune() throws IOException {
    Path backbone = tmp.resolve("backbone");
    SyntheticReviews.backbone(backbone);
    List<LabeledText> train = read(SyntheticReviews.csv(tmp.resolve("train.csv"), SyntheticReviews.rows(256, 1)));
    dev = read(SyntheticReviews.csv(tmp.resolve("dev.csv"), SyntheticReviews.rows(64, 2)));
    model = tmp.resolve("clf");
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(80).withLearningRate(2e-3).withBatch(16, 16)
        .withEvaluation(40, 0, "accuracy");
    result = new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        backbone, train, dev, "train.csv", "train.csv", "dev.csv", new TextColumns("review", null, "sentiment"), cfg, model, false));
  }

  @Test
  void learnsTheSeparableTaskWellAboveChance() {
    // chance is 0.5; the cue word decides the label
    assertTrue(result.dev().accuracy() >= 0.9, "dev accuracy " + result.dev().accuracy());
    assertEquals(64, result.dev().samples());
  }

  @Test
  void csvEdgeCasesReachTheClassifierIntact() {
    LabeledText first = dev.get(0);
    assertTrue(first.text().contains("\n") && first.text().endsWith(", \"quoted\""), first.text());
    assertEquals(SyntheticReviews.POSITIVE, first.label());
    assertEquals(List.of(SyntheticReviews.NEGATIVE, SyntheticReviews.POSITIVE), result.labels().labels());
  }

  @Test
  void labelsAndProvenanceAreSavedWithTheModel() {
    TextClassifier clf = TextClassifier.load(model);
    try (clf) {
      assertEquals(List.of("not good at all", "très bien 😀"), clf.labels());
      assertEquals(16, clf.info().maxLength());
      assertEquals("review", clf.info().textColumn());
      assertEquals(80, clf.info().provenance().steps());
      assertTrue(Files.isRegularFile(model.resolve("train-log.jsonl")));
    }
  }

  @Test
  void theRunsLossCurveIsDrawnBesideItsLog() throws IOException {
    String svg = Files.readString(model.resolve("loss-curve.svg"));
    assertTrue(svg.contains("data-series=\"loss\""), svg);
    assertTrue(svg.contains("data-series=\"eval_dev_loss\""), "dev loss every 40 steps: " + svg);
  }

  @Test
  void exportHoldsModelVariablesOnly() {
    String prefix = result.model().weightsPrefix();
    try (CheckpointVariables weights = new CheckpointVariables(prefix, prefix)) {
      assertTrue(weights.contains("classifier.weight"));
      assertTrue(weights.contains("bert.pooler.dense.weight"));
      assertTrue(weights.contains("bert.encoder.layer.0.attention.self.query.weight"));
      assertFalse(weights.contains("classifier.weight-m"), "Adam slots must not be exported");
    }
  }

  @Test
  void reloadGivesIdenticalPredictions() {
    List<String> texts = dev.stream().map(LabeledText::text).toList();
    List<Prediction> a;
    List<Prediction> b;
    try (TextClassifier first = TextClassifier.load(model)) {
      a = first.predictBatch(texts);
    }
    try (TextClassifier second = TextClassifier.load(model)) {
      b = second.predictBatch(texts);
      Prediction alone = second.predict(texts.get(3)); // batch of one: no padding, same answer
      assertEquals(a.get(3).label(), alone.label());
      assertEquals(a.get(3).confidence(), alone.confidence(), 1e-5);
    }
    assertEquals(a, b);
    for (Prediction p : a) {
      double sum = p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(1.0, sum, 1e-5);
    }
  }

  @Test
  void eightThreadsGetTheSingleThreadAnswers() throws Exception {
    List<String> texts = dev.stream().map(LabeledText::text).toList();
    try (TextClassifier clf = TextClassifier.load(model)) {
      List<Prediction> single = new ArrayList<>();
      for (String t : texts) {
        single.add(clf.predict(t));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<Prediction>>> futures = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
          futures.add(pool.submit(() -> {
            List<Prediction> mine = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
              mine.clear();
              for (String t : texts) {
                mine.add(clf.predict(t));
              }
            }
            return mine;
          }));
        }
        for (Future<List<Prediction>> f : futures) {
          List<Prediction> got = f.get();
          for (int i = 0; i < texts.size(); i++) {
            assertEquals(single.get(i).label(), got.get(i).label());
            for (String label : clf.labels()) {
              assertEquals(single.get(i).probabilities().get(label), got.get(i).probabilities().get(label), 1e-6);
            }
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void unknownLabelAtEvalNamesFileLineAndKnownLabels() throws IOException {
    Path test = tmp.resolve("unknown.csv");
    Files.writeString(test, "id,review,sentiment\n0,good movie,très bien 😀\n1,bad plot,meh\n");
    List<LabeledText> rows = read(test);
    try (TextClassifier clf = TextClassifier.load(model)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ClassifierEvaluation.evaluate("clf", clf, rows));
      assertTrue(e.getMessage().startsWith(test + ":3: unknown label 'meh'"), e.getMessage());
      assertTrue(e.getMessage().contains("[not good at all, très bien 😀]"), e.getMessage());
    }
  }

  @Test
  void harnessScoresMatchTrainingDevScores() {
    try (TextClassifier clf = TextClassifier.load(model)) {
      ClassifierEvaluation.Scored s = ClassifierEvaluation.evaluate("clf", clf, dev);
      assertEquals(result.dev().accuracy(), s.report().accuracy(), 1e-12);
    }
  }

  @Test
  void emptyTextIsRejected() {
    try (TextClassifier clf = TextClassifier.load(model)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clf.predict(" "));
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
  }
}
