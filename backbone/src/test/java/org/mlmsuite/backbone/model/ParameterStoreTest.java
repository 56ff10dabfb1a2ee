package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

class ParameterStoreTest {
  private static final TransformerConfig MICRO = TransformerConfig.micro(40);

  @Test
  void bertForMaskedLmHasExactlyTheHuggingFaceNamesAndShapes() {
    // HF BertForMaskedLM state-dict keys for L1/H32/I64/V40 (decoder.weight is tied, so absent)
    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put("bert.embeddings.word_embeddings.weight", List.of(40L, 32L));
    expected.put("bert.embeddings.position_embeddings.weight", List.of(512L, 32L));
    expected.put("bert.embeddings.token_type_embeddings.weight", List.of(2L, 32L));
    expected.put("bert.embeddings.LayerNorm.weight", List.of(32L));
    expected.put("bert.embeddings.LayerNorm.bias", List.of(32L));
    String l = "bert.encoder.layer.0.";
    for (String qkv : List.of("query", "key", "value")) {
      expected.put(l + "attention.self." + qkv + ".weight", List.of(32L, 32L));
      expected.put(l + "attention.self." + qkv + ".bias", List.of(32L));
    }
    expected.put(l + "attention.output.dense.weight", List.of(32L, 32L));
    expected.put(l + "attention.output.dense.bias", List.of(32L));
    expected.put(l + "attention.output.LayerNorm.weight", List.of(32L));
    expected.put(l + "attention.output.LayerNorm.bias", List.of(32L));
    expected.put(l + "intermediate.dense.weight", List.of(64L, 32L));
    expected.put(l + "intermediate.dense.bias", List.of(64L));
    expected.put(l + "output.dense.weight", List.of(32L, 64L));
    expected.put(l + "output.dense.bias", List.of(32L));
    expected.put(l + "output.LayerNorm.weight", List.of(32L));
    expected.put(l + "output.LayerNorm.bias", List.of(32L));
    expected.put("cls.predictions.transform.dense.weight", List.of(32L, 32L));
    expected.put("cls.predictions.transform.dense.bias", List.of(32L));
    expected.put("cls.predictions.transform.LayerNorm.weight", List.of(32L));
    expected.put("cls.predictions.transform.LayerNorm.bias", List.of(32L));
    expected.put("cls.predictions.bias", List.of(40L));

    try (Graph g = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(g), MICRO, 1);
      Map<String, List<Long>> actual = new TreeMap<>();
      for (Parameter p : model.parameters()) {
        List<Long> shape = new ArrayList<>();
        for (long d : p.shape().asArray()) {
          shape.add(d);
        }
        actual.put(p.name(), shape);
        assertEquals(p.name(), p.variable().op().name());
        boolean noDecay = p.name().endsWith(".bias") || p.name().contains("LayerNorm");
        assertEquals(!noDecay, p.weightDecay(), p.name());
        assertFalse(p.name().contains("/"));
      }
      assertEquals(expected, actual);

      model.pooledOutput();
      List<String> pooler = model.parameters().stream().map(Parameter::name)
          .filter(n -> n.startsWith("bert.pooler")).sorted().collect(Collectors.toList());
      assertEquals(List.of("bert.pooler.dense.bias", "bert.pooler.dense.weight"), pooler);
      assertSame(model.pooledOutput(), model.pooledOutput());
    }
  }

  @Test
  void duplicateNameThrowsInsteadOfRenaming() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      ParameterStore store = ParameterStore.create(tf, 1, 0.02).child("bert");
      store.weight("x.weight", 2, 3);
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> store.weight("x.weight", 2, 3));
      assertTrue(e.getMessage().contains("bert.x.weight"), e.getMessage());
      // a second model in the same graph collides too
      BertForMaskedLm.build(tf, MICRO, 1);
      assertThrows(IllegalStateException.class, () -> BertForMaskedLm.build(tf, MICRO, 1));
      // an op of the same name created outside the store is detected as well
      tf.withName("outside").constant(1f);
      assertThrows(IllegalStateException.class,
          () -> ParameterStore.create(tf, 1, 0.02).bias("outside", 2));
      assertThrows(IllegalArgumentException.class, () -> store.bias("a/b", 2));
    }
  }

  @Test
  void reusingViewSharesVariablesAndChecksShapes() {
    try (Graph g = new Graph()) {
      ParameterStore store = ParameterStore.create(Ops.create(g), 1, 0.02);
      Parameter created = store.child("enc").weight("w", 4, 4);
      assertSame(created, store.child("enc").reusing().weight("w", 4, 4));
      assertThrows(IllegalArgumentException.class, () -> store.child("enc").reusing().weight("w", 4, 5));
      assertThrows(IllegalArgumentException.class, () -> store.reusing().weight("missing", 1));
      assertEquals(1, store.parameters().size());
    }
  }

  @Test
  void sameSeedGivesSameWeightsAndDifferentSeedDifferentWeights() {
    float[] a = initialValue(42, "bert.encoder.layer.0.attention.self.query.weight");
    float[] b = initialValue(42, "bert.encoder.layer.0.attention.self.query.weight");
    float[] c = initialValue(43, "bert.encoder.layer.0.attention.self.query.weight");
    float[] d = initialValue(42, "bert.encoder.layer.0.attention.self.key.weight");
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
    assertFalse(java.util.Arrays.equals(a, d));
  }

  @Test
  void initialValuesFollowTheirInitializers() {
    try (Graph g = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(g), TransformerConfig.tiny(1000), 3);
      try (Session s = new Session(g)) {
        float[] words = fetch(s, model, "bert.embeddings.word_embeddings.weight");
        double sum = 0;
        double sumSq = 0;
        double maxAbs = 0;
        for (float w : words) {
          sum += w;
          sumSq += w * w;
          maxAbs = Math.max(maxAbs, Math.abs(w));
        }
        int n = words.length;
        // normal(0, 0.02) truncated at 2 sigma has std 0.02 * 0.8796 = 0.01759
        double std = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        assertEquals(0.02 * 0.8796, std, 0.0005);
        assertEquals(0, sum / n, 4 * 0.0176 / Math.sqrt(n));
        assertTrue(maxAbs <= 0.04 + 1e-6, "truncated at 2 std: " + maxAbs);
        for (float v : fetch(s, model, "bert.embeddings.LayerNorm.weight")) {
          assertEquals(1f, v);
        }
        for (float v : fetch(s, model, "cls.predictions.bias")) {
          assertEquals(0f, v);
        }
      }
    }
  }

  private static float[] initialValue(long seed, String name) {
    try (Graph g = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(g), MICRO, seed);
      try (Session s = new Session(g)) {
        return fetch(s, model, name);
      }
    }
  }

  private static float[] fetch(Session s, BertForMaskedLm model, String name) {
    Parameter p = model.context().params().get(name);
    try (Result r = s.runner().fetch(p.variable()).run()) {
      return TestTensors.values(r.get(0));
    }
  }
}
