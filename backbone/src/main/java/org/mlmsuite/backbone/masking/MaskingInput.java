package org.mlmsuite.backbone.masking;

import java.util.List;
import org.mlmsuite.backbone.text.Encoding;

/**
 * One sequence to mask: its encoding and, for entity masking, the token spans of its entities
 * (from {@code org.mlmsuite.backbone.ner.EntityAligner}); other strategies ignore the spans.
 */
public record MaskingInput(Encoding encoding, List<TokenSpan> entitySpans) {
  public MaskingInput {
    entitySpans = List.copyOf(entitySpans);
    for (TokenSpan span : entitySpans) {
      if (span.end() > encoding.length()) {
        throw new IllegalArgumentException("entity span [" + span.start() + ", " + span.end()
            + ") runs past the sequence end " + encoding.length());
      }
      for (int i = span.start(); i < span.end(); i++) {
        if (!MaskableTokens.isMaskable(encoding, i)) {
          throw new IllegalArgumentException("entity span [" + span.start() + ", " + span.end()
              + ") covers special or padding token " + i + " '" + encoding.tokens()[i] + "'");
        }
      }
    }
  }

  /** A sequence without entities. */
  public static MaskingInput of(Encoding encoding) {
    return new MaskingInput(encoding, List.of());
  }
}
