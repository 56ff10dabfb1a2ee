package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.tensorflow.ndarray.Shape;

/** A missing name is an answer (absent); a damaged checkpoint is an error naming it, never "absent". */
class CheckpointVariablesTest {
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(
      new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c", "##b")),
      TokenizerConfig.uncased());

  @TempDir Path tmp;

  private ModelDirectory backbone() {
    return UntrainedBackbone.write(tmp.resolve("bb"), TransformerConfig.micro(9), TOKENIZER, 1);
  }

  @Test
  void shapesOfPresentVariablesAndEmptyForMissingOnes() {
    ModelDirectory model = backbone();
    TransformerConfig config = model.config();
    try (CheckpointVariables weights = new CheckpointVariables("bb", model.weightsPrefix())) {
      assertEquals(Optional.of(Shape.of(9, config.hiddenSize())),
          weights.shape("bert.embeddings.word_embeddings.weight"));
      assertTrue(weights.contains("bert.encoder.layer.0.attention.self.query.weight"));
      assertFalse(weights.contains("bert.no_such.weight"));
    }
  }

  @Test
  void aTruncatedIndexIsDamagedNotAbsent() throws IOException {
    ModelDirectory model = backbone();
    Path index = Path.of(model.weightsPrefix() + ".index");
    Files.write(index, Arrays.copyOf(Files.readAllBytes(index), 100));
    try (CheckpointVariables weights = new CheckpointVariables("bb-origin", model.weightsPrefix())) {
      var e = assertThrows(DamagedWeightsException.class, () -> weights.contains("bert.pooler.dense.weight"));
      assertTrue(e.getMessage().startsWith("bb-origin: weights are damaged or truncated"), e.getMessage());
    }
  }
}
