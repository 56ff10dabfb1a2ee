package org.mlmsuite.datasets;

import java.util.List;

/** A document to summarise with one or more reference summaries. */
public record SummaryExample(String id, String document, List<String> references, Origin origin) {
  public SummaryExample {
    references = List.copyOf(references);
  }
}
