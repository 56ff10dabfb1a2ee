package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/** {@link Backbone#embed}: mean-pooled vectors, the same alone and in a padded batch. */
class BackboneEmbedTest {
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(
      new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c", "##b")),
      TokenizerConfig.uncased());

  @Test
  void vectorsAreTheSameAloneAndInAPaddedBatch(@TempDir Path tmp) {
    TransformerConfig config = TransformerConfig.micro(TOKENIZER.vocabulary().size());
    Path dir = UntrainedBackbone.write(tmp.resolve("b"), config, TOKENIZER, 7).path();
    List<String> texts = List.of("a", "a b c a b c a bb", "c c");
    try (Backbone backbone = Backbone.open(dir); Backbone encoder = Backbone.openEncoder(dir)) {
      List<float[]> batch = backbone.embed(texts);
      assertEquals(3, batch.size());
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(config.hiddenSize(), batch.get(i).length);
        assertArrayEquals(backbone.embed(List.of(texts.get(i))).get(0), batch.get(i), 1e-5f, texts.get(i));
        assertArrayEquals(batch.get(i), encoder.embed(List.of(texts.get(i))).get(0), 1e-5f, "openEncoder");
      }
      assertFalse(java.util.Arrays.equals(batch.get(0), batch.get(2)), "different texts, different vectors");
      assertEquals(3, encoder.fillMask("a [MASK]", 3).get(0).size(), "a backbone folder keeps its head");
    }
  }
}
