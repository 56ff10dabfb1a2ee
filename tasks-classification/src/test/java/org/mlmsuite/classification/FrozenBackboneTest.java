package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

class FrozenBackboneTest {

  static List<LabeledText> examples(int n, long seed) {
    return SyntheticReviews.rows(n, seed).stream()
        .map(r -> new LabeledText(r[0], r[1], new Origin(Path.of("mem"), 1))).toList();
  }

  @Test
  void frozenBackboneKeepsEveryBackboneWeightAndTrainsTheHead(@TempDir Path tmp) {
    ModelDirectory backbone = SyntheticReviews.backbone(tmp.resolve("backbone"));
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(10).withLearningRate(1e-2).withBatch(8, 16)
        .withBackbone(true, false);
    ClassifierTraining.Result r = new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(
        new ClassifierTraining.Request(backbone.path(), examples(32, 3), List.of(), "mem", "mem", "", TextColumns.catalog(),
            cfg, tmp.resolve("clf"), false));
    String exported = r.model().weightsPrefix();
    for (String name : List.of("bert.embeddings.word_embeddings.weight",
        "bert.encoder.layer.0.attention.self.query.weight", "bert.encoder.layer.0.output.LayerNorm.weight")) {
      assertArrayEquals(CheckpointValues.read(backbone.weightsPrefix(), name), CheckpointValues.read(exported, name), name);
    }
    // the classifier layer (and the pooler, new because this backbone has none) did train:
    // their exported values differ from a fresh init with the same seed
    Path fresh = tmp.resolve("fresh");
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(backbone.path(),
        examples(32, 3), List.of(), "mem", "mem", "", TextColumns.catalog(),
        ClassifierTrainingConfig.defaults(1).withLearningRate(1e-12).withBatch(8, 16).withBackbone(true, false),
        fresh, false));
    String init = fresh.resolve("weights").resolve("model").toString();
    for (String name : List.of("classifier.weight", "bert.pooler.dense.weight")) {
      float[] a = CheckpointValues.read(init, name);
      float[] b = CheckpointValues.read(exported, name);
      float maxDiff = 0;
      for (int i = 0; i < a.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      }
      assertTrue(maxDiff > 1e-3, name + " moved only " + maxDiff);
    }
    assertFalse(Arrays.equals(CheckpointValues.read(init, "classifier.bias"), CheckpointValues.read(exported, "classifier.bias")));
  }

  @Test
  void aBackbonePoolerIsLoadedAndStaysFrozen(@TempDir Path tmp) {
    // a backbone that has bert.pooler.dense.* (e.g. one pretrained with a pooler)
    org.mlmsuite.backbone.model.TransformerConfig config =
        org.mlmsuite.backbone.model.TransformerConfig.micro(SyntheticReviews.TOKENIZER.vocabulary().size());
    ModelDirectory backbone;
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      org.mlmsuite.backbone.model.BertForMaskedLm mlm =
          org.mlmsuite.backbone.model.BertForMaskedLm.build(org.tensorflow.op.Ops.create(graph), config, 99);
      mlm.pooledOutput();
      try (org.tensorflow.Session session = new org.tensorflow.Session(graph)) {
        session.initialize();
        backbone = ModelDirectory.write(tmp.resolve("backbone"), "backbone", config, SyntheticReviews.TOKENIZER,
            session::save, java.util.Map.of());
      }
    }
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(10).withLearningRate(1e-2).withBatch(8, 16)
        .withBackbone(true, false);
    ClassifierTraining.Result r = new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(
        new ClassifierTraining.Request(backbone.path(), examples(32, 3), List.of(), "mem", "mem", "", TextColumns.catalog(),
            cfg, tmp.resolve("clf"), false));
    String name = "bert.pooler.dense.weight";
    assertArrayEquals(CheckpointValues.read(backbone.weightsPrefix(), name), CheckpointValues.read(r.model().weightsPrefix(), name));
  }

  @Test
  void onlyHeadVariablesTrainWhenFrozen() {
    assertTrue(ClassifierTraining.trains("classifier.weight", true, true));
    assertFalse(ClassifierTraining.trains("bert.pooler.dense.weight", true, true));
    assertTrue(ClassifierTraining.trains("bert.pooler.dense.weight", true, false));
    assertFalse(ClassifierTraining.trains("bert.encoder.layer.0.attention.self.query.weight", true, false));
    assertTrue(ClassifierTraining.trains("bert.encoder.layer.0.attention.self.query.weight", false, false));
  }
}
