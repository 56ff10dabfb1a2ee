package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoderWarmStartTest {

  @Test
  void encoderLayersAndEmbeddingsMapToDecoderButCrossAttentionAndPoolerDoNot() {
    List<String> backbone =
        List.of(
            "bert.embeddings.word_embeddings.weight",
            "bert.encoder.layer.0.attention.self.query.weight",
            "bert.encoder.layer.1.output.LayerNorm.gamma",
            "bert.encoder.layer.2.intermediate.dense.weight",
            "bert.pooler.dense.weight",
            "cls.predictions.bias");
    List<String> decoder =
        List.of(
            "decoder.embeddings.word_embeddings.weight",
            "decoder.layer.0.attention.self.query.weight",
            "decoder.layer.0.crossattention.self.query.weight",
            "decoder.layer.1.output.LayerNorm.gamma");
    Map<String, String> map = DecoderWarmStart.mapping(backbone, decoder);
    assertEquals(
        Map.of(
            "bert.embeddings.word_embeddings.weight", "decoder.embeddings.word_embeddings.weight",
            "bert.encoder.layer.0.attention.self.query.weight",
                "decoder.layer.0.attention.self.query.weight",
            "bert.encoder.layer.1.output.LayerNorm.gamma", "decoder.layer.1.output.LayerNorm.gamma"),
        map);
  }
}
