package org.mlmsuite.backbone.ner;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.masking.TokenSpan;
import org.mlmsuite.backbone.text.Encoding;

/**
 * Maps character-level entities onto the token positions of an {@link Encoding}, using its
 * start and end offsets. An entity covers every token that overlaps it (so a word-piece that
 * straddles the entity boundary is included); special tokens and padding are never covered.
 * Entities cut off by truncation map to no tokens and are dropped.
 */
public final class EntityAligner {
  private EntityAligner() {}

  /** Aligns entities of a single-text encoding (all segments are searched). */
  public static List<TokenSpan> align(Encoding encoding, List<EntitySpan> entities) {
    return align(encoding, -1, entities);
  }

  /**
   * Aligns entities whose offsets refer to the text of segment {@code typeId} (0 for the first
   * text of a pair, 1 for the second); -1 searches every segment.
   */
  public static List<TokenSpan> align(Encoding encoding, int typeId, List<EntitySpan> entities) {
    List<TokenSpan> spans = new ArrayList<>();
    for (EntitySpan entity : entities) {
      int runStart = -1;
      for (int i = 0; i <= encoding.length(); i++) {
        boolean covered = i < encoding.length() && covers(encoding, typeId, i, entity);
        if (covered && runStart < 0) {
          runStart = i;
        } else if (!covered && runStart >= 0) {
          spans.add(new TokenSpan(runStart, i));
          runStart = -1;
        }
      }
    }
    return spans;
  }

  private static boolean covers(Encoding e, int typeId, int i, EntitySpan entity) {
    if (e.specialMask()[i] || e.attentionMask()[i] == 0 || e.startOffsets()[i] < 0
        || (typeId >= 0 && e.typeIds()[i] != typeId)) {
      return false;
    }
    return e.startOffsets()[i] < entity.end() && e.endOffsets()[i] > entity.start();
  }
}
