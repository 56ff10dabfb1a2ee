package org.mlmsuite.datasets;

import java.util.List;

/**
 * Which JSON fields hold a summary example's id (null: use the origin {@code file:line}), its
 * document and its references (one field per reference).
 */
public record SummaryFields(String id, String document, List<String> references) {
  public SummaryFields {
    if (document == null || references == null || references.isEmpty()) {
      throw new IllegalArgumentException("a document field and at least one reference field are required");
    }
    references = List.copyOf(references);
  }

  SummaryExample read(JsonLine line) {
    String exampleId = id == null ? line.origin().toString() : line.text(id);
    String doc = line.text(document);
    List<String> refs = references.stream().map(line::text).toList();
    return new SummaryExample(exampleId, doc, refs, line.origin());
  }
}
