package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records are plain data that Jackson writes and reads back unchanged. */
class RecordsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Origin ORIGIN = new Origin(Path.of("/data/train.tsv").toAbsolutePath(), 17);

  private static <T> void assertRoundTrip(T value, Class<T> type) throws IOException {
    assertEquals(value, JSON.readValue(JSON.writeValueAsString(value), type));
  }

  @Test
  void everyRecordTypeRoundTrips() throws IOException {
    assertRoundTrip(new LabeledText("a", "b", "entailment", ORIGIN), LabeledText.class);
    assertRoundTrip(new LabeledText("a", "1", ORIGIN), LabeledText.class);
    assertRoundTrip(new TranslationPair("Hello", "Hallo", ORIGIN), TranslationPair.class);
    assertRoundTrip(new SummaryExample("x", "doc", List.of("r1", "r2"), ORIGIN), SummaryExample.class);
    assertRoundTrip(new NerSentence(List.of("EU"), List.of("B-ORG"), List.of(List.of("EU"), List.of("B-ORG")), true, ORIGIN),
        NerSentence.class);
    assertRoundTrip(new TextDocument("text", ORIGIN), TextDocument.class);
    assertRoundTrip(LabeledTextColumns.parse("review", null, "2"), LabeledTextColumns.class);
    assertRoundTrip(DelimitedFormat.tsv(), DelimitedFormat.class);
  }
}
