package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Translation pairs from a catalog dataset ({@code multi30k-en-de}), from two line-aligned files,
 * or from one CSV/TSV with a source and a target column.
 */
public final class TranslationSource extends CatalogOrFileSource<TranslationPair> {
  private TranslationSource(String dataset, String split) {
    super(dataset, split, DatasetKind.TRANSLATION);
  }

  private TranslationSource(FileOpener<TranslationPair> files, String description) {
    super(files, description);
  }

  public static TranslationSource dataset(String name, String split) {
    return new TranslationSource(name, split);
  }

  /** Two line-aligned files. */
  public static TranslationSource parallelFiles(Path sourceFile, Path targetFile) {
    return new TranslationSource(policy -> ParallelTextReader.open(sourceFile, targetFile, policy),
        sourceFile + " + " + targetFile);
  }

  /** One delimited file; both columns must be non-blank. */
  public static TranslationSource delimitedFile(Path file, DelimitedFormat format, Column source, Column target) {
    return new TranslationSource(policy -> {
      DelimitedReader rows = DelimitedReader.open(file, format, policy);
      try {
        rows.requireColumns(List.of(source, target));
      } catch (RuntimeException e) {
        rows.close();
        throw e;
      }
      return rows.map(row -> new TranslationPair(row.getNonBlank(source), row.getNonBlank(target), row.origin()));
    }, file + " (source " + source + ", target " + target + ")");
  }

  /**
   * From command-line options. With {@code targetFile}, {@code dataOrSourceFile} and it are
   * line-aligned files. Else an existing {@code .csv}/{@code .tsv} file is read by columns (names
   * or indexes; default {@code source}/{@code target} with a header, {@code 0}/{@code 1} without).
   * Else it is a catalog name and {@code split} is required.
   */
  public static TranslationSource of(String dataOrSourceFile, String split, String targetFile, String sourceColumn,
      String targetColumn, Boolean header) {
    Path path = Path.of(dataOrSourceFile);
    if (targetFile != null) {
      return parallelFiles(path, Path.of(targetFile));
    }
    if (Files.isRegularFile(path)) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.matches(".*\\.(csv|tsv|tab)(\\.gz)?")) {
        throw new IllegalArgumentException(path + ": give the target file too for line-aligned text, or a .csv/.tsv file");
      }
      boolean hasHeader = header == null || header;
      return delimitedFile(path, DelimitedFormat.forFile(path).withHeader(hasHeader),
          Column.parse(sourceColumn != null ? sourceColumn : hasHeader ? "source" : "0"),
          Column.parse(targetColumn != null ? targetColumn : hasHeader ? "target" : "1"));
    }
    requireCatalogChoice(dataOrSourceFile, split, DatasetKind.TRANSLATION,
        sourceColumn != null || targetColumn != null || header != null);
    return dataset(dataOrSourceFile, split);
  }

  @Override
  RecordReader<TranslationPair> openSplit(Dataset dataset, DataDirectory dir, String split, BadRowPolicy policy)
      throws IOException {
    return dataset.translationPairs(dir, split, policy);
  }
}
