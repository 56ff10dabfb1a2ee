package org.mlmsuite.summarization;

import org.mlmsuite.backbone.TrainingProvenance;

/**
 * {@code summarizer.json}: a summarizer's mode, how it cuts and encodes documents and picks
 * sentences, and how it was trained. An abstractive model keeps its decoding defaults in the
 * seq2seq model's {@code seq2seq.json} ({@code generation}); here it records the mode, the
 * sentence policy of its data (for the Lead-N/Longest-N baselines of its reports) and the source
 * limit.
 *
 * @param mode {@value #EXTRACTIVE} or {@value #ABSTRACTIVE}
 * @param k sentences per summary (extractive; 0 for abstractive)
 * @param sentencePolicy {@code turns} or {@code sentences}
 * @param maxLength tokens per document (extractive: sentences past it cannot be chosen;
 *     abstractive: the source is cut there, [CLS]/[SEP] included)
 * @param trigramBlocking skip a candidate sharing a word trigram with a chosen sentence (extractive)
 * @param provenance how the model was trained: backbone, data, steps, seed, truncation counts, and
 *     the oracle (extractive, in {@code taskDetails})
 */
public record SummarizerInfo(String mode, int k, String sentencePolicy, int maxLength, boolean trigramBlocking,
    TrainingProvenance provenance) {
  public static final String FILE_NAME = "summarizer.json";
  public static final String KIND = "extractive-summarizer";
  public static final String EXTRACTIVE = "extractive";
  public static final String ABSTRACTIVE = "abstractive";

  public SummarizerInfo {
    provenance = provenance == null ? TrainingProvenance.unrecorded() : provenance;
  }

  public SentencePolicy policy() {
    return SentencePolicy.parse(sentencePolicy);
  }
}
