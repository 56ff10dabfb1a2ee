package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class UntrainedBackboneTest {
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(
      new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c", "##b")),
      TokenizerConfig.uncased());

  /** Reads one variable's values after building a model with {@code buildSeed} and restoring from {@code prefix}. */
  private static float[] readWordEmbeddings(TransformerConfig config, long buildSeed, String prefixOrNull) {
    try (Graph graph = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(graph), config, buildSeed);
      Parameter words = model.parameters().stream()
          .filter(p -> p.name().equals("bert.embeddings.word_embeddings.weight")).findFirst().orElseThrow();
      try (Session session = new Session(graph)) {
        session.initialize();
        if (prefixOrNull != null) {
          WeightLoader.from(prefixOrNull)
              .sameNames(model.parameters().stream().map(Parameter::name).toList())
              .restoreInto(session, graph);
        }
        try (Result r = session.runner().fetch(words.variable()).run()) {
          TFloat32 t = (TFloat32) r.get(0);
          float[] out = new float[(int) t.size()];
          t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  @Test
  void writtenWeightsRestoreIntoADifferentlySeededGraph(@TempDir Path tmp) {
    TransformerConfig config = TransformerConfig.micro(TOKENIZER.vocabulary().size());
    ModelDirectory dir = UntrainedBackbone.write(tmp.resolve("b"), config, TOKENIZER, 7);
    assertEquals("backbone", dir.kind());
    float[] seed7 = readWordEmbeddings(config, 7, null);
    float[] seed8 = readWordEmbeddings(config, 8, null);
    assertFalse(java.util.Arrays.equals(seed7, seed8), "different seeds must give different weights");
    assertArrayEquals(seed7, readWordEmbeddings(config, 8, dir.weightsPrefix()));
  }

  @Test
  void vocabularyMismatchIsRefused(@TempDir Path tmp) {
    var e = assertThrows(IllegalArgumentException.class,
        () -> UntrainedBackbone.write(tmp.resolve("b"), TransformerConfig.micro(50), TOKENIZER, 1));
    assertEquals("config vocab_size 50 differs from the vocabulary's 9 tokens", e.getMessage());
  }
}
