package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.TrainingProvenance;

/**
 * {@code summarizer.json} as written before provenance was typed (a string-keyed map; copied from
 * {@code mlm summarize train} runs on a micro backbone): both modes still load.
 */
class MapProvenanceSummarizerInfoTest {
  @Test
  void extractiveMapReadsAsTheTypedRecord() throws Exception {
    SummarizerInfo info = read("extractive-summarizer-with-map-provenance.json");
    TrainingProvenance p = info.provenance();
    assertEquals(SummarizerInfo.EXTRACTIVE, info.mode());
    assertEquals(42, p.seed());
    assertEquals(3, p.steps());
    assertEquals(6, p.trainExamples());
    assertEquals("/tmp/oldfmt/bb", p.backbone());
    assertNull(p.trainSource(), "the map kept no reopenable source for summarizers");
  }

  @Test
  void abstractiveMapKeptOnlyTheTaskPartAndStillReadsItsSeed() throws Exception {
    SummarizerInfo info = read("abstractive-summarizer-with-map-provenance.json");
    assertEquals(SummarizerInfo.ABSTRACTIVE, info.mode());
    assertEquals(42, info.provenance().seed());
    assertEquals("abstractive summarization", info.provenance().task());
    assertNull(info.provenance().dev());
  }

  private SummarizerInfo read(String resource) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return new ObjectMapper().readValue(in, SummarizerInfo.class);
    }
  }
}
