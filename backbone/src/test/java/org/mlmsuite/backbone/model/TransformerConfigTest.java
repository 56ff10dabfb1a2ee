package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerConfigTest {
  @Test
  void presetsHaveTheDocumentedSizes() {
    TransformerConfig micro = TransformerConfig.preset("micro", 100);
    assertEquals(32, micro.hiddenSize());
    assertEquals(1, micro.numLayers());
    assertEquals(2, micro.numHeads());
    assertEquals(64, micro.intermediateSize());
    TransformerConfig tiny = TransformerConfig.tiny(8000);
    assertEquals(128, tiny.hiddenSize());
    assertEquals(2, tiny.numLayers());
    assertEquals(512, tiny.intermediateSize());
    TransformerConfig mini = TransformerConfig.mini(8000);
    assertEquals(256, mini.hiddenSize());
    assertEquals(4, mini.numLayers());
    assertEquals(4, mini.numHeads());
    assertEquals(1024, mini.intermediateSize());
    assertEquals(512, mini.maxPositions());
    assertEquals(1e-12, mini.layerNormEps());
    assertEquals(0.02, mini.initializerRange());
    assertEquals(64, mini.headSize());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.preset("huge", 10));
    assertTrue(e.getMessage().contains("huge") && e.getMessage().contains("micro"), e.getMessage());
  }

  @Test
  void rejectsHiddenSizeNotDivisibleByHeads() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TransformerConfig.of(100, 100, 2, 3, 400));
    assertEquals("hidden_size 100 is not divisible by num_attention_heads 3", e.getMessage());
  }

  @Test
  void rejectsBadDropoutAndSizes() {
    assertThrows(IllegalArgumentException.class, () -> TransformerConfig.of(0, 32, 1, 2, 64));
    assertThrows(IllegalArgumentException.class,
        () -> TransformerConfig.micro(10).withDropout(1.0, 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> TransformerConfig.micro(10).withDropout(0.1, -0.1));
  }

  @Test
  void roundTripsThroughConfigJson(@TempDir Path dir) throws Exception {
    TransformerConfig config = TransformerConfig.mini(30522).withDropout(0.2, 0.05);
    Path file = dir.resolve("config.json");
    config.write(file);
    assertEquals(config, TransformerConfig.read(file));
    assertTrue(Files.readString(file).contains("\"num_hidden_layers\" : 4"));
  }

  @Test
  void readsAHuggingFaceBertConfig(@TempDir Path dir) throws Exception {
    // google/bert_uncased_L-2_H-128_A-2 config.json (BERT-tiny)
    Path file = dir.resolve("config.json");
    Files.writeString(file, """
        {"hidden_size": 128, "hidden_act": "gelu", "initializer_range": 0.02, "vocab_size": 30522,
         "hidden_dropout_prob": 0.1, "num_attention_heads": 2, "type_vocab_size": 2,
         "max_position_embeddings": 512, "num_hidden_layers": 2, "intermediate_size": 512,
         "attention_probs_dropout_prob": 0.1, "layer_norm_eps": 1e-12, "model_type": "bert"}
        """);
    assertEquals(TransformerConfig.tiny(30522), TransformerConfig.read(file));
  }

  @Test
  void invalidFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, """
        {"vocab_size": 10, "hidden_size": 30, "num_hidden_layers": 1, "num_attention_heads": 4,
         "intermediate_size": 64, "max_position_embeddings": 32, "type_vocab_size": 2,
         "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
         "layer_norm_eps": 1e-12, "initializer_range": 0.02}
        """);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.read(file));
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not divisible"), e.getMessage());
  }
}
