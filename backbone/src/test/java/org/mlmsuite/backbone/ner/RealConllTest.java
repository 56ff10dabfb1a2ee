package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;
import org.mlmsuite.testing.DatasetMirror;

/**
 * A quick check on the real CoNLL-2003 data: the sentence counts of the published splits, and a
 * short training run (2,000 sentences, 20 iterations, scored on 1,500 validation sentences) that must already beat a floor far below
 * the ~80 F1 of the full run (`mlm ner train --conll conll2003`), so that a broken reader or
 * feature setup fails here.
 */
class RealConllTest {
  private static Path conll() {
    return DatasetMirror.require("conll2003").resolve("conll2003");
  }

  @Test
  void readsThePublishedSentenceCounts() throws IOException {
    Path conll = conll();
    assertEquals(14_041, ConllNameSamples.read(conll.resolve("train.txt")).size());
    assertEquals(3_453, ConllNameSamples.read(conll.resolve("test.txt")).size());
  }

  @Test
  void shortTrainingRunFindsMostEntities() throws IOException {
    Path conll = conll();
    List<NameSample> train = ConllNameSamples.read(conll.resolve("train.txt")).subList(0, 2000);
    TokenNameFinderModel model = NameFinderTrainer.train(train, new NameFinderTrainingConfig(20, 5, 2));
    NerScores scores = NerEvaluator.evaluate(model, ConllNameSamples.read(conll.resolve("valid.txt")).subList(0, 1500));
    System.out.println("short CoNLL run, valid F1: " + scores.overall().f1() + " " + scores.overall());
    assertTrue(scores.overall().f1() > 0.55, "F1 " + scores.overall().f1()); // measured 0.65
  }
}
