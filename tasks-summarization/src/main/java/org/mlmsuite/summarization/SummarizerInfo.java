package org.mlmsuite.summarization;

import java.util.Map;

/**
 * {@code summarizer.json}: how an extractive summarizer cuts and encodes documents and picks
 * sentences, and how it was trained.
 *
 * @param k sentences per summary
 * @param sentencePolicy {@code turns} or {@code sentences}
 * @param maxLength tokens per document (sentences past it cannot be chosen)
 * @param trigramBlocking skip a candidate sharing a word trigram with a chosen sentence
 * @param provenance backbone, data, oracle k, steps, seed, truncation counts
 */
public record SummarizerInfo(String mode, int k, String sentencePolicy, int maxLength, boolean trigramBlocking,
    Map<String, Object> provenance) {
  public static final String FILE_NAME = "summarizer.json";
  public static final String KIND = "extractive-summarizer";

  public SummarizerInfo {
    provenance = provenance == null ? Map.of() : provenance;
  }

  public SentencePolicy policy() {
    return SentencePolicy.parse(sentencePolicy);
  }
}
