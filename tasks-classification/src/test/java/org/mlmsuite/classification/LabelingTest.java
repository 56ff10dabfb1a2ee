package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

class LabelingTest {
  static LabeledText ex(String label, int line) {
    return new LabeledText("good", label, new Origin(Path.of("data.csv"), line));
  }

  @Test
  void mappingDependsOnlyOnWhichLabelsOccur() {
    List<LabeledText> rows = new ArrayList<>();
    String[] labels = {"b", "Z", "é", "a b", "😀", "a"};
    for (int i = 0; i < labels.length; i++) {
      rows.add(ex(labels[i], i + 2));
    }
    LabelSet first = LabelSet.of(rows);
    Collections.shuffle(rows, new java.util.Random(5));
    assertEquals(first, LabelSet.of(rows));
    // code point order: 'Z' (U+5A) < 'a' < 'a b' < 'b' < 'é' (U+E9) < '😀' (U+1F600)
    assertEquals(List.of("Z", "a", "a b", "b", "é", "😀"), first.labels());
  }

  @Test
  void labelSetRoundTripsThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    LabelSet labels = new LabelSet(List.of("neg ative", "pös"));
    assertEquals("[\"neg ative\",\"pös\"]", json.writeValueAsString(labels));
    assertEquals(labels, json.readValue(json.writeValueAsString(labels), LabelSet.class));
  }

  @Test
  void unknownLabelNamesFileLineAndKnownLabels() {
    LabelSet labels = new LabelSet(List.of("neg", "pos"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> labels.indexOf(ex("neutral", 17)));
    assertEquals("data.csv:17: unknown label 'neutral'; the model knows 2 labels [neg, pos]", e.getMessage());
  }

  @Test
  void singleLabelIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> LabelSet.of(List.of(ex("pos", 2), ex("pos", 3))));
  }

  @Test
  void balancedWeightsAreScikitLearns() {
    // sklearn compute_class_weight('balanced', classes=[0,1,2], y=[0,0,0,0,0,0,1,1,2]) = 9/(3*[6,2,1])
    assertArrayEquals(new float[] {0.5f, 1.5f, 3f}, ClassWeights.BALANCED.weights(new long[] {6, 2, 1}), 1e-6f);
    assertArrayEquals(new float[] {1f, 1f}, ClassWeights.NONE.weights(new long[] {9, 1}));
  }

  @Test
  void pairsGetSegmentIdsAndTruncationIsCounted() {
    ExampleEncoder encoder = new ExampleEncoder(SyntheticReviews.TOKENIZER, 8);
    LabelSet labels = new LabelSet(List.of("a", "b"));
    Origin o = new Origin(Path.of("p.tsv"), 2);
    ExampleEncoder.Encoded enc = encoder.encodeAll(List.of(
        new LabeledText("good movie", "bad film", "a", o),
        new LabeledText("the movie was a good film and it really was", null, "b", o)), labels);
    EncodedExample pair = enc.examples().get(0);
    // [CLS] good movie [SEP] bad film [SEP]
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1}, pair.typeIds());
    assertEquals(8, enc.examples().get(1).length());
    assertEquals(1, enc.truncated());
    assertEquals(1, enc.examples().get(1).label());
    Encoding check = SyntheticReviews.TOKENIZER.encode("good movie", "bad film", 0, 0);
    assertArrayEquals(check.ids(), pair.ids());
    assertTrue(encoder.maxLength() == 8);
  }
}
