package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A named dataset of the {@link DatasetCatalog}: its kind, its splits and files, and how to read
 * them. Files resolve under a {@link DataDirectory}; open a split with the typed method for its
 * kind, e.g. {@code labeledText(dir, "train")}.
 */
public final class Dataset {
  /** Opens the files of one split. */
  @FunctionalInterface
  interface Opener {
    RecordReader<?> open(List<Path> files, String split, BadRowPolicy policy) throws IOException;
  }

  private final String name;
  private final DatasetKind kind;
  private final String description;
  private final List<DatasetSplit> splits;
  private final Opener opener;

  Dataset(String name, DatasetKind kind, String description, List<DatasetSplit> splits, Opener opener) {
    this.name = name;
    this.kind = kind;
    this.description = description;
    this.splits = List.copyOf(splits);
    this.opener = opener;
  }

  public String name() {
    return name;
  }

  public DatasetKind kind() {
    return kind;
  }

  /** One line: what the data is and how its columns map to records. */
  public String description() {
    return description;
  }

  public List<DatasetSplit> splits() {
    return splits;
  }

  public List<String> splitNames() {
    return splits.stream().map(DatasetSplit::name).toList();
  }

  /** The split called {@code splitName}; an error lists the valid names otherwise. */
  public DatasetSplit split(String splitName) {
    return splits.stream().filter(s -> s.name().equals(splitName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "dataset '" + name + "' has no split '" + splitName + "'; its splits are " + splitNames()));
  }

  /** The files of a split under {@code dir}. */
  public List<Path> files(DataDirectory dir, String splitName) {
    return split(splitName).files().stream().map(dir::resolve).toList();
  }

  /** Whether every file of every split exists under {@code dir}. */
  public boolean isPresent(DataDirectory dir) {
    return splits.stream().allMatch(s -> s.files().stream().allMatch(f -> Files.exists(dir.resolve(f))));
  }

  /** Opens a split as records of this dataset's kind. */
  public RecordReader<?> open(DataDirectory dir, String splitName, BadRowPolicy policy) throws IOException {
    return opener.open(existingFiles(dir, splitName), splitName, policy);
  }

  private List<Path> existingFiles(DataDirectory dir, String splitName) {
    List<Path> files = files(dir, splitName);
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new IllegalArgumentException("dataset '" + name + "' split '" + splitName + "': missing " + f
            + " (data directory " + dir + ")");
      }
    }
    return files;
  }

  /**
   * Counts the records of a split by reading it (strictly: a bad record throws). Raw text is
   * counted in files without reading them.
   */
  public long countRows(DataDirectory dir, String splitName) throws IOException {
    if (kind == DatasetKind.RAW_TEXT) {
      return RawTextReader.textFiles(existingFiles(dir, splitName)).size();
    }
    try (RecordReader<?> rows = open(dir, splitName, BadRowPolicy.FAIL)) {
      return rows.count();
    }
  }

  public RecordReader<LabeledText> labeledText(DataDirectory dir, String splitName, BadRowPolicy policy) throws IOException {
    return typed(DatasetKind.LABELED_TEXT, dir, splitName, policy);
  }

  public RecordReader<LabeledText> labeledText(DataDirectory dir, String splitName) throws IOException {
    return labeledText(dir, splitName, BadRowPolicy.FAIL);
  }

  public RecordReader<TranslationPair> translationPairs(DataDirectory dir, String splitName, BadRowPolicy policy)
      throws IOException {
    return typed(DatasetKind.TRANSLATION, dir, splitName, policy);
  }

  public RecordReader<TranslationPair> translationPairs(DataDirectory dir, String splitName) throws IOException {
    return translationPairs(dir, splitName, BadRowPolicy.FAIL);
  }

  public RecordReader<SummaryExample> summaries(DataDirectory dir, String splitName, BadRowPolicy policy)
      throws IOException {
    return typed(DatasetKind.SUMMARIZATION, dir, splitName, policy);
  }

  public RecordReader<SummaryExample> summaries(DataDirectory dir, String splitName) throws IOException {
    return summaries(dir, splitName, BadRowPolicy.FAIL);
  }

  public RecordReader<NerSentence> nerSentences(DataDirectory dir, String splitName, BadRowPolicy policy)
      throws IOException {
    return typed(DatasetKind.NER, dir, splitName, policy);
  }

  public RecordReader<NerSentence> nerSentences(DataDirectory dir, String splitName) throws IOException {
    return nerSentences(dir, splitName, BadRowPolicy.FAIL);
  }

  /**
   * A split as raw text. A raw-text split is cut into {@code unit}s (the catalog counts it in
   * documents, i.e. files). The others give the text their task model reads, one record each
   * whatever the unit, never labels or reference summaries: a translation split the lines of each
   * side's file, a classification split each row's text (and second text, on its own line), a
   * summarization split each document.
   */
  public RecordReader<TextDocument> documents(DataDirectory dir, String splitName, TextUnit unit, BadRowPolicy policy)
      throws IOException {
    requireKind(DatasetKind.RAW_TEXT);
    return switch (kind) {
      case TRANSLATION -> RawTextReader.open(existingFiles(dir, splitName), TextUnit.LINE, policy);
      case LABELED_TEXT -> labeledText(dir, splitName, policy)
          .map(t -> new TextDocument(t.isPair() ? t.text() + "\n" + t.textPair() : t.text(), t.origin()));
      case SUMMARIZATION -> summaries(dir, splitName, policy).map(e -> new TextDocument(e.document(), e.origin()));
      default -> RawTextReader.open(existingFiles(dir, splitName), unit, policy);
    };
  }

  @SuppressWarnings("unchecked")
  private <T> RecordReader<T> typed(DatasetKind wanted, DataDirectory dir, String splitName, BadRowPolicy policy)
      throws IOException {
    requireKind(wanted);
    return (RecordReader<T>) open(dir, splitName, policy);
  }

  private void requireKind(DatasetKind wanted) {
    if (!kind.readableAs(wanted)) {
      throw new IllegalArgumentException("dataset '" + name + "' holds " + kind.rowsAre() + ", not " + wanted.rowsAre());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
