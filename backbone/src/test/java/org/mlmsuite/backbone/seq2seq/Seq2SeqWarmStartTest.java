package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class Seq2SeqWarmStartTest {

  private static float[] value(Session s, Graph g, String name) {
    try (Result r = s.runner().fetch(name).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void decoderGetsTheBackboneWeightsExactlyAndCrossAttentionKeepsItsInit(@TempDir Path tmp) {
    ModelDirectory backbone = Seq2SeqFixtures.microBackbone(tmp.resolve("b"), 11);
    TransformerConfig config = backbone.config();
    try (Graph ref = new Graph(); Graph warm = new Graph()) {
      Seq2SeqGraph fresh = Seq2SeqGraph.forTraining(Ops.create(ref), config, 0.1, 0.3, 5);
      Seq2SeqGraph g = Seq2SeqGraph.forTraining(Ops.create(warm), config, 0.1, 0.3, 5);
      try (Session freshSession = new Session(ref); Session s = new Session(warm);
          Graph bGraph = new Graph()) {
        freshSession.initialize();
        s.initialize();
        List<String> loaded = DecoderWarmStart.loader(backbone.weightsPrefix(), g.parameterNames()).restoreInto(s, warm);
        long cross = g.parameterNames().stream().filter(n -> n.contains("crossattention")).count();
        assertEquals(g.parameterNames().size() - cross, loaded.size(), "everything but cross-attention is loaded");

        // the backbone's own values, read back through a BertForMaskedLm restored from its folder
        org.mlmsuite.backbone.model.BertForMaskedLm.build(Ops.create(bGraph), config, 999);
        try (Session bs = new Session(bGraph)) {
          bs.restore(backbone.weightsPrefix());
          String[][] pairs = {
              {"bert.encoder.layer.0.attention.self.query.weight", "decoder.layer.0.attention.self.query.weight"},
              {"bert.encoder.layer.0.intermediate.dense.weight", "decoder.layer.0.intermediate.dense.weight"},
              {"bert.encoder.layer.0.output.LayerNorm.bias", "decoder.layer.0.output.LayerNorm.bias"},
              {"bert.embeddings.word_embeddings.weight", "decoder.embeddings.word_embeddings.weight"},
              {"bert.embeddings.position_embeddings.weight", "decoder.embeddings.position_embeddings.weight"},
              {"cls.predictions.transform.dense.weight", "decoder.cls.predictions.transform.dense.weight"},
              {"bert.encoder.layer.0.attention.self.key.weight", "bert.encoder.layer.0.attention.self.key.weight"}};
          for (String[] p : pairs) {
            assertArrayEquals(value(bs, bGraph, p[0]), value(s, warm, p[1]), 0f, p[1] + " <- " + p[0]);
          }
          String crossQuery = "decoder.layer.0.crossattention.self.query.weight";
          assertArrayEquals(value(freshSession, ref, crossQuery), value(s, warm, crossQuery), 0f,
              "cross-attention keeps its initial value");
          float[] init = value(s, warm, crossQuery);
          assertFalse(java.util.Arrays.equals(init,
              value(bs, bGraph, "bert.encoder.layer.0.attention.self.query.weight")));
          // drawn with the requested std 0.3 (truncated at 2 std: sample std ~0.88 * 0.3)
          double sq = 0;
          for (float v : init) {
            sq += v * v;
          }
          double std = Math.sqrt(sq / init.length);
          assertEquals(0.88 * 0.3, std, 0.04, "cross-attention init std");
        }
      }
    }
  }
}
