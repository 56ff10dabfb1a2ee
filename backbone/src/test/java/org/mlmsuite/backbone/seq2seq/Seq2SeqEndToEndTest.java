package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.mlmsuite.backbone.train.WeightLoader;

/** A micro encoder-decoder learns to reverse letter sequences in seconds; export and reload. */
class Seq2SeqEndToEndTest {
  private static final long STEPS = Long.getLong("seq2seq.e2e.steps", 400);

  @Test
  void learnsToReverseAndReloadsWithIdenticalOutputs(@TempDir Path tmp) {
    Seq2SeqFixtures.microBackbone(tmp.resolve("backbone"), 3);
    List<TextPair> train = Seq2SeqFixtures.letterPairs(3000, 5, true, 1);
    List<TextPair> dev = Seq2SeqFixtures.letterPairs(100, 5, true, 2);
    Seq2SeqTrainingConfig cfg = Seq2SeqTrainingConfig.defaults(STEPS)
        .withBatch(32, Double.parseDouble(System.getProperty("seq2seq.e2e.lr", "3e-3")))
        .withLengths(16, 16)
        .withModel(0.1, Double.parseDouble(System.getProperty("seq2seq.e2e.cross", "0.1")), false)
        .withEvaluation((int) STEPS / 2, 0, 100)
        .withGeneration(GenerationOptions.greedy(16));
    Path out = tmp.resolve("model");
    long start = System.nanoTime();
    Seq2SeqTraining.Result result = new Seq2SeqTraining(m -> { }, TrainingProgress.silent())
        .run(new Seq2SeqTraining.Request(tmp.resolve("backbone"), train, dev, cfg, out, false,
            new Seq2SeqTraining.Task("reverse letters", "generated", null, "generated", null,
                provenance -> Map.of("task.json", Map.of("task", "reverse")))));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(Seq2SeqModel.KIND, result.model().kind());
    assertTrue(Files.isRegularFile(out.resolve("task.json")));
    TrainingProvenance provenance = result.model().read(ModelDirectory.PROVENANCE, TrainingProvenance.class);
    assertEquals("reverse letters", provenance.task());
    assertEquals(train.size(), provenance.trainExamples());
    assertEquals(STEPS, provenance.steps());

    List<String> sources = dev.stream().map(TextPair::source).toList();
    try (Seq2SeqModel model = Seq2SeqModel.load(out)) {
      assertEquals(cfg.modelSettings(), model.settings());
      List<Seq2SeqModel.Generated> greedy = model.generate(sources);
      List<Seq2SeqModel.Generated> beam = model.generate(sources, GenerationOptions.beam(4, 1.0, 16));
      int greedyHits = 0;
      int beamHits = 0;
      for (int i = 0; i < dev.size(); i++) {
        greedyHits += greedy.get(i).text().equals(dev.get(i).target()) ? 1 : 0;
        beamHits += beam.get(i).text().equals(dev.get(i).target()) ? 1 : 0;
      }
      System.out.printf("reverse task: %d steps in %.1f s, dev %s; exact match greedy %d%%, beam-4 %d%%%n",
          result.summary().step(), seconds, result.dev(), greedyHits, beamHits);
      // chance: 12^-n for n letters, < 1% even for n = 2
      assertTrue(greedyHits >= 60, "greedy exact match " + greedyHits + "%");
      assertTrue(beamHits >= greedyHits - 5, "beam " + beamHits + "% vs greedy " + greedyHits + "%");

      // the exported folder generates exactly what the training checkpoint generates
      ModelDirectory dir = ModelDirectory.open(out, Seq2SeqModel.KIND);
      Seq2SeqEncoder encoder = new Seq2SeqEncoder(dir.tokenizer(), model.settings());
      List<int[]> ids = new ArrayList<>();
      sources.forEach(s -> ids.add(encoder.source(s).ids()));
      try (Graph graph = new Graph()) {
        Seq2SeqGraph g = Seq2SeqGraph.forInference(Ops.create(graph), dir.config());
        try (Session session = new Session(graph)) {
          WeightLoader.from(result.summary().bestCheckpoint().orElse(result.summary().lastCheckpoint()).prefix())
              .sameNames(g.parameterNames()).restoreInto(session, graph);
          List<BeamSearch.Hypothesis> fromCheckpoint = new Seq2SeqGenerator(session, g, dir.tokenizer().vocabulary())
              .generate(ids, GenerationOptions.beam(4, 1.0, 16));
          for (int i = 0; i < ids.size(); i++) {
            assertArrayEquals(fromCheckpoint.get(i).tokens(), beam.get(i).tokenIds(), "example " + i);
            assertEquals(fromCheckpoint.get(i).score(), beam.get(i).score(), 1e-9);
          }
        }
      }
    }
  }
}
