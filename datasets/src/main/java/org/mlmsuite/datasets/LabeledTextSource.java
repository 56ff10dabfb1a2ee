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
public final class LabeledTextSource extends CatalogOrFileSource<LabeledText> {
  private LabeledTextSource(String dataset, String split) {
    super(dataset, split, DatasetKind.LABELED_TEXT);
  }

  private LabeledTextSource(FileOpener<LabeledText> files, String description) {
    super(files, description);
  }

  /** A split of a catalog dataset of kind {@link DatasetKind#LABELED_TEXT}. */
  public static LabeledTextSource dataset(String name, String split) {
    return new LabeledTextSource(name, split);
  }

  /** The user's own delimited file. */
  public static LabeledTextSource file(Path file, DelimitedFormat format, LabeledTextColumns columns) {
    return new LabeledTextSource(policy -> LabeledTextReader.open(file, format, columns, policy),
        file + " (text " + columns.text() + (columns.textPair() == null ? "" : ", pair " + columns.textPair())
            + ", label " + columns.label() + ")");
  }

  /**
   * From command-line options. {@code dataOrFile} is an existing file, else a catalog name (then
   * {@code split} is required and the other options must be null). For a file, columns are names
   * or 0-based indexes; they default to {@code text}/{@code label} with a header and to
   * {@code 0}/{@code 1} without; {@code header} (null: true) says whether the first row is one;
   * the delimiter follows the extension ({@code .tsv} tab, else comma).
   */
  public static LabeledTextSource of(String dataOrFile, String split, String textColumn, String pairColumn,
      String labelColumn, Boolean header) {
    Path path = Path.of(dataOrFile);
    if (Files.isRegularFile(path)) {
      boolean hasHeader = header == null || header;
      LabeledTextColumns columns = LabeledTextColumns.parse(
          textColumn != null ? textColumn : hasHeader ? "text" : "0",
          pairColumn,
          labelColumn != null ? labelColumn : hasHeader ? "label" : "1");
      return file(path, DelimitedFormat.forFile(path).withHeader(hasHeader), columns);
    }
    requireCatalogChoice(dataOrFile, split, DatasetKind.LABELED_TEXT,
        textColumn != null || pairColumn != null || labelColumn != null || header != null);
    return dataset(dataOrFile, split);
  }

  @Override
  RecordReader<LabeledText> openSplit(Dataset dataset, DataDirectory dir, String split, BadRowPolicy policy)
      throws IOException {
    return dataset.labeledText(dir, split, policy);
  }
}
