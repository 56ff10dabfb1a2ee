package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.masking.TestEncodings;
import org.mlmsuite.backbone.masking.TokenSpan;
import org.mlmsuite.backbone.text.Encoding;

class EntityAlignerTest {
  // [CLS]=0 Angela=1 Mer=2 ##kel=3 met=4 Mac=5 ##ron=6 in=7 Ber=8 ##lin=9 [SEP]=10
  private static final String SEGMENT = "Angela Mer|kel met Mac|ron in Ber|lin";
  private static final String TEXT = TestEncodings.text(SEGMENT); // "Angela Merkel met Macron in Berlin"

  private static EntitySpan entity(String text, String words, String type) {
    int start = text.indexOf(words);
    return new EntitySpan(start, start + words.length(), type);
  }

  @Test
  void coversEveryPieceOfEachEntity() {
    Encoding e = TestEncodings.encode(16, SEGMENT);
    List<TokenSpan> spans = EntityAligner.align(e, List.of(
        entity(TEXT, "Angela Merkel", "PER"), entity(TEXT, "Macron", "PER"), entity(TEXT, "Berlin", "LOC")));
    assertEquals(List.of(new TokenSpan(1, 4), new TokenSpan(5, 7), new TokenSpan(8, 10)), spans);
  }

  @Test
  void includesPiecesThatOnlyPartlyOverlap() {
    Encoding e = TestEncodings.encode(0, SEGMENT);
    // "erkel" starts inside the piece "Mer"
    assertEquals(List.of(new TokenSpan(2, 4)), EntityAligner.align(e, List.of(entity(TEXT, "erkel", "PER"))));
  }

  @Test
  void dropsEntitiesCutOffByTruncationAndNeverCoversSpecialTokens() {
    Encoding truncated = TestEncodings.encode(0, "Angela Mer|kel met");
    List<TokenSpan> spans = EntityAligner.align(truncated, List.of(
        entity(TEXT, "Angela Merkel", "PER"), entity(TEXT, "Berlin", "LOC"), new EntitySpan(0, TEXT.length(), "MISC")));
    assertEquals(List.of(new TokenSpan(1, 4), new TokenSpan(1, 5)), spans);
  }

  @Test
  void alignsToTheRequestedSegmentOfAPair() {
    String second = "Ber|lin is big";
    Encoding pair = TestEncodings.encode(0, SEGMENT, second); // second segment starts at 11
    EntitySpan berlinInSecond = new EntitySpan(0, 6, "LOC");
    assertEquals(List.of(new TokenSpan(11, 13)), EntityAligner.align(pair, 1, List.of(berlinInSecond)));
    // the same characters in the first segment are "Angela"
    assertEquals(List.of(new TokenSpan(1, 2)), EntityAligner.align(pair, 0, List.of(berlinInSecond)));
  }
}
