package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.TrainingProvenance;

/**
 * A classifier folder written before provenance was typed: {@code classifier.json} keeps it as the
 * string-keyed map ({@code mlm classify train} of a micro backbone, 4 steps, copied as written).
 */
class MapProvenanceClassifierTest {
  @Test
  void loadsAndReadsTheMapsEntriesThroughTheTypedRecord() throws Exception {
    Path dir = Path.of(getClass().getResource("classifier-with-map-provenance").toURI());
    try (TextClassifier clf = TextClassifier.load(dir)) {
      TrainingProvenance p = clf.info().provenance();
      assertEquals(42, p.seed());
      assertEquals("/tmp/oldfmt/train.csv", p.trainSource());
      assertEquals("/tmp/oldfmt/dev.csv", p.dev());
      assertEquals(12, p.trainExamples());
      assertEquals(4, p.steps());
      assertEquals(4, p.exportedStep());
      assertEquals("loaded from the backbone", p.backboneWeights());
      assertEquals(42, p.backboneProvenance().get("seed").asInt());
      assertEquals("accuracy", p.settings().get("metric").asText());
      assertEquals(List.of("neg", "pos"), clf.info().labels());
      assertFalse(clf.predict("the film was good").label().isEmpty());
    }
  }
}
