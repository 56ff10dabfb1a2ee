package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class FineTuningRunTest {
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(
      new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b")), TokenizerConfig.uncased());
  private static final TransformerConfig MICRO = TransformerConfig.micro(TOKENIZER.vocabulary().size());

  @Test
  void openBackboneRefusesInputsLongerThanItsPositionsNamingTheOption(@TempDir Path tmp) {
    Path dir = tmp.resolve("bb");
    UntrainedBackbone.write(dir, MICRO, TOKENIZER, 1);
    int positions = MICRO.maxPositions();
    assertEquals(dir, FineTuningRun.openBackbone(dir, positions, "--max-length").path());
    var e = assertThrows(IllegalArgumentException.class,
        () -> FineTuningRun.openBackbone(dir, positions + 1, "--max-length"));
    assertTrue(e.getMessage().startsWith("--max-length " + (positions + 1) + " exceeds the backbone's " + positions),
        e.getMessage());
    assertTrue(e.getMessage().contains("config.json"), e.getMessage());
  }

  @Test
  void cadenceLogsAboutTenTimesAndEvaluatesOnlyWithDevData() {
    TrainingConfig withDev = FineTuningRun.trainingConfig(1e-4, 2000, 16, true, 0, 0, 9);
    assertEquals(50, withDev.logEvery(), "at most every 50 steps");
    assertEquals(2000, withDev.evalEvery(), "evalEvery 0 with dev data: once, at the end");
    assertEquals(9, withDev.seed());
    assertEquals(16, withDev.batchSize());
    TrainingConfig shortRun = FineTuningRun.trainingConfig(1e-4, 30, 16, true, 10, 5, 9);
    assertEquals(3, shortRun.logEvery());
    assertEquals(10, shortRun.evalEvery());
    assertEquals(5, shortRun.checkpointEvery());
    assertEquals(0, FineTuningRun.trainingConfig(1e-4, 30, 16, false, 10, 0, 9).evalEvery(), "no dev data, no evaluation");
    assertEquals(1, FineTuningRun.trainingConfig(1e-4, 5, 16, false, 0, 0, 9).logEvery());
  }

  @Test
  void keepBestFollowsTheMetricsDirectionAndRefusesPatienceWithoutDevData() {
    EarlyStopping accuracy = FineTuningRun.keepBest("accuracy", true, 0, true, "--dev");
    assertTrue(accuracy.higherIsBetter());
    assertEquals(Integer.MAX_VALUE, accuracy.patience(), "patience 0: keep the best, never stop early");
    EarlyStopping loss = FineTuningRun.keepBest("dev_loss", false, 3, true, "");
    assertFalse(loss.higherIsBetter());
    assertEquals(3, loss.patience());
    assertNull(FineTuningRun.keepBest("accuracy", true, 0, false, "--dev"), "no dev data: the last step is exported");
    var e = assertThrows(IllegalArgumentException.class, () -> FineTuningRun.keepBest("accuracy", true, 2, false, "--dev"));
    assertEquals("early stopping (patience 2) needs dev data (--dev)", e.getMessage());
  }

  @Test
  void trainableKeepsEachParametersWeightDecayRule() {
    try (Graph graph = new Graph()) {
      List<Parameter> params = BertForMaskedLm.build(Ops.create(graph), MICRO, 1).parameters();
      List<TrainableVariable> embeddings = FineTuningRun.trainable(params, n -> n.startsWith("bert.embeddings."));
      assertFalse(embeddings.isEmpty());
      assertTrue(embeddings.size() < params.size());
      for (TrainableVariable v : embeddings) {
        Parameter p = params.stream().filter(q -> q.name().equals(v.name())).findFirst().orElseThrow();
        assertEquals(p.weightDecay(), v.weightDecay(), p.name());
        assertTrue(v.name().startsWith("bert.embeddings."), v.name());
      }
      assertEquals(params.size(), FineTuningRun.trainable(params, n -> true).size());
    }
  }

  @Test
  void provenanceCarriesTheBackbonesOwnAndSaysWhetherWeightsWereLoaded(@TempDir Path tmp) {
    Path dir = tmp.resolve("bb");
    ModelDirectory backbone = UntrainedBackbone.write(dir, MICRO, TOKENIZER, 3);
    BackboneOrigin loaded = BackboneOrigin.of(dir, backbone, false, "warm-started");
    assertEquals(dir.toAbsolutePath().normalize().toString(), loaded.backbone());
    assertEquals("warm-started", loaded.backboneWeights());
    assertEquals(3, loaded.backboneProvenance().get("seed").asInt());
    assertTrue(BackboneOrigin.of(dir, backbone, true, "warm-started").backboneWeights()
        .startsWith("not loaded"));
  }
}
