package org.mlmsuite.datasets;

/** What a dataset's records are, and so which typed {@link Dataset} method opens it. */
public enum DatasetKind {
  /** {@link LabeledText}: text classification. */
  LABELED_TEXT("labeled text"),
  /** {@link TranslationPair}: translation. */
  TRANSLATION("translation pairs"),
  /** {@link SummaryExample}: summarisation. */
  SUMMARIZATION("summaries"),
  /** {@link NerSentence}: named-entity recognition. */
  NER("NER sentences"),
  /** {@link TextDocument}: raw text for pretraining (counted in files). */
  RAW_TEXT("documents");

  private final String rowsAre;

  DatasetKind(String rowsAre) {
    this.rowsAre = rowsAre;
  }

  /**
   * Whether a dataset of this kind can be opened as {@code wanted}: besides its own kind, the text
   * a task model reads is also raw text for (task-adaptive) pretraining: both sides of a
   * translation set, a classification set's texts, a summarization set's documents.
   */
  public boolean readableAs(DatasetKind wanted) {
    return this == wanted || (wanted == RAW_TEXT && this != NER);
  }

  /** What the row counts count, e.g. "NER sentences". */
  public String rowsAre() {
    return rowsAre;
  }
}
