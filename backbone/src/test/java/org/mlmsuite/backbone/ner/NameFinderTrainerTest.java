package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameFinderTrainerTest {
  @TempDir static Path dir;
  static Path train;
  static TokenNameFinderModel model;

  @BeforeAll
  static void trainOnSyntheticData() throws IOException {
    train = SyntheticConll.write(dir, 300, 1);
    model = NameFinderTrainer.train(train, new NameFinderTrainingConfig(40, 1, 1));
  }

  @Test
  void findsTheEntitiesOfItsTrainingSentences() throws IOException {
    NerScores scores = NerEvaluator.evaluate(model, train);
    assertEquals(300, scores.sentences());
    assertEquals(List.of("LOC", "ORG", "PER"), List.copyOf(scores.perType().keySet()));
    assertTrue(scores.overall().f1() > 0.95, "F1 " + scores.overall());
  }

  @Test
  void savedModelLoadsAndScoresTheSame() throws IOException {
    Path out = dir.resolve("sub/ner.bin");
    NameFinderTrainer.save(model, out);
    assertTrue(Files.size(out) > 0);
    try (var siblings = Files.list(out.getParent())) {
      assertEquals(List.of(out), siblings.toList(), "no temporary files left");
    }
    assertEquals(NerEvaluator.evaluate(model, train), NerEvaluator.evaluate(NameFinderTrainer.load(out), train));
  }

  @Test
  void scoresCountExactSpansOnly() {
    NerScores.Counts c = new NerScores.Counts(6, 2, 4); // P = 6/8, R = 6/10
    assertEquals(0.75, c.precision(), 1e-12);
    assertEquals(0.6, c.recall(), 1e-12);
    assertEquals(2 * 0.75 * 0.6 / 1.35, c.f1(), 1e-12);
    assertEquals(0, new NerScores.Counts(0, 0, 3).f1());
  }

  @Test
  void missingModelIsAUserError() {
    assertThrows(IllegalArgumentException.class, () -> NameFinderTrainer.load(dir.resolve("nope.bin")));
  }
}
