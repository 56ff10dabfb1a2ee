package org.mlmsuite.classification;

import java.util.List;

/**
 * One text as the model reads it under a {@link LongTextStrategy}: one window, or (sliding) several
 * whose logits are pooled. Every window carries the document's label index.
 */
public record EncodedDocument(List<EncodedExample> windows, int label) {
  public EncodedDocument {
    windows = List.copyOf(windows);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a document has at least one window");
    }
  }
}
