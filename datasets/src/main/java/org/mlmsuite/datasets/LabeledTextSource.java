package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Labeled text from a catalog dataset ({@code sst2}, {@code agnews}) or from the user's CSV/TSV.
 *
 * <pre>{@code
 * // --data sst2 --split dev          or   --data reviews.csv --text-column review --label-column stars
 * LabeledTextSource source = LabeledTextSource.of(data, split, textColumn, pairColumn, labelColumn, header);
 * try (RecordReader<LabeledText> rows = source.open(dataDirFlag, BadRowPolicy.FAIL)) { ... }
 * }</pre>
 */
public final class LabeledTextSource implements DataSource<LabeledText> {
  private final String dataset;
  private final String split;
  private final Path file;
  private final DelimitedFormat format;
  private final LabeledTextColumns columns;

  private LabeledTextSource(String dataset, String split, Path file, DelimitedFormat format, LabeledTextColumns columns) {
    this.dataset = dataset;
    this.split = split;
    this.file = file;
    this.format = format;
    this.columns = columns;
  }

  /** A split of a catalog dataset of kind {@link DatasetKind#LABELED_TEXT}. */
  public static LabeledTextSource dataset(String name, String split) {
    Dataset d = DatasetCatalog.get(name);
    if (d.kind() != DatasetKind.LABELED_TEXT) {
      throw new IllegalArgumentException("dataset '" + name + "' holds " + d.kind().rowsAre() + ", not labeled text");
    }
    d.split(split);
    return new LabeledTextSource(name, split, null, null, null);
  }

  /** The user's own delimited file. */
  public static LabeledTextSource file(Path file, DelimitedFormat format, LabeledTextColumns columns) {
    return new LabeledTextSource(null, null, file, format, columns);
  }

  /**
   * From command-line options. {@code dataOrFile} is an existing file, else a catalog name (then
   * {@code split} is required and column options must be null). For a file, columns are names
   * or 0-based indexes; they default to {@code text}/{@code label} with a header and to
   * {@code 0}/{@code 1} without; {@code header} (null: true) says whether the first row is one;
   * the delimiter follows the extension ({@code .tsv} tab, else comma).
   */
  public static LabeledTextSource of(String dataOrFile, String split, String textColumn, String pairColumn,
      String labelColumn, Boolean header) {
    Path path = Path.of(dataOrFile);
    if (Files.isRegularFile(path)) {
      boolean hasHeader = header == null || header;
      LabeledTextColumns cols = LabeledTextColumns.parse(
          textColumn != null ? textColumn : hasHeader ? "text" : "0",
          pairColumn,
          labelColumn != null ? labelColumn : hasHeader ? "label" : "1");
      return file(path, DelimitedFormat.forFile(path).withHeader(hasHeader), cols);
    }
    if (!DatasetCatalog.contains(dataOrFile)) {
      throw new IllegalArgumentException("'" + dataOrFile + "' is neither an existing file nor a catalog dataset "
          + DatasetCatalog.names());
    }
    if (textColumn != null || pairColumn != null || labelColumn != null || header != null) {
      throw new IllegalArgumentException("column and header options apply to your own files, not to catalog dataset '"
          + dataOrFile + "'");
    }
    if (split == null) {
      throw new IllegalArgumentException("dataset '" + dataOrFile + "' needs a split: one of "
          + DatasetCatalog.get(dataOrFile).splitNames());
    }
    return dataset(dataOrFile, split);
  }

  @Override
  public RecordReader<LabeledText> open(Path dataDirFlag, BadRowPolicy policy) throws IOException {
    if (file != null) {
      return LabeledTextReader.open(file, format, columns, policy);
    }
    return DatasetCatalog.get(dataset).labeledText(DataDirectory.resolve(dataDirFlag), split, policy);
  }

  /** Opens a catalog split under an already resolved directory (ignored for files). */
  public RecordReader<LabeledText> open(DataDirectory dir, BadRowPolicy policy) throws IOException {
    return file != null ? open((Path) null, policy) : DatasetCatalog.get(dataset).labeledText(dir, split, policy);
  }

  @Override
  public String describe() {
    if (file == null) {
      return dataset + "/" + split;
    }
    return file + " (text " + columns.text() + (columns.textPair() == null ? "" : ", pair " + columns.textPair())
        + ", label " + columns.label() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
