package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingProvenanceTest {
  /** {@code provenance.json} of a seq2seq model written when it was a string-keyed map. */
  @Test
  void seq2seqMapNamesReadAsTheRecordsComponents() throws Exception {
    TrainingProvenance p = read("seq2seq-provenance-as-map.json");
    assertEquals("translation", p.task());
    assertEquals("BERT2BERT encoder-decoder (Rothe et al. 2020)", p.model());
    assertEquals("/tmp/oldfmt/mt.csv", p.train());
    assertEquals(4, p.trainExamples(), "trainPairs");
    assertEquals(4, p.devExamples(), "devPairs");
    assertEquals(0, p.truncatedTrain(), "truncatedSources");
    assertEquals(0, p.truncatedTargets());
    assertEquals(42, p.seed(), "kept only in settings.seed then");
    assertEquals(3, p.exportedStep());
    assertFalse(p.stoppedEarly());
    assertEquals(32, p.settings().get("maxSourceLength").asInt());
    assertEquals("encoder and decoder warm-started from the backbone", p.backboneOrigin().backboneWeights());
    assertNull(p.versions(), "not recorded then");
  }

  @Test
  void writtenAndReadBackThroughJackson() throws Exception {
    TrainingProvenance p = read("abstractive-provenance-as-map.json");
    ObjectMapper json = new ObjectMapper();
    TrainingProvenance again = json.readValue(json.writeValueAsString(p), TrainingProvenance.class);
    assertEquals(p, again, "nulls written as JSON null read back as null");
    assertEquals(42, again.seed());
    assertEquals(6, again.trainExamples());
  }

  @Test
  void currentVersionsNameJavaAndTensorFlow() {
    Map<String, String> versions = TrainingProvenance.currentVersions();
    assertEquals(System.getProperty("java.version"), versions.get("java").split(" ")[0]);
    assertFalse(versions.get("tensorflow").isBlank());
  }

  private TrainingProvenance read(String resource) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return new ObjectMapper().readValue(in, TrainingProvenance.class);
    }
  }
}
