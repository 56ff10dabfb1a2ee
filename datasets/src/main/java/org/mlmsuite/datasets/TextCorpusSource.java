package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Raw text for pretraining: a catalog corpus ({@code pretrain-en}) or the user's files and folders. */
public final class TextCorpusSource extends CatalogOrFileSource<TextDocument> {
  private final TextUnit unit;

  private TextCorpusSource(String dataset, String split, TextUnit unit) {
    super(dataset, split, DatasetKind.RAW_TEXT);
    this.unit = unit;
  }

  private TextCorpusSource(List<Path> roots, TextUnit unit) {
    super(policy -> RawTextReader.open(roots, unit, policy), roots + " by " + unit.name().toLowerCase());
    this.unit = unit;
  }

  public static TextCorpusSource dataset(String name, String split, TextUnit unit) {
    return new TextCorpusSource(name, split, unit);
  }

  /** Files, or folders of {@code .txt}/{@code .txt.gz} files. */
  public static TextCorpusSource paths(List<Path> roots, TextUnit unit) {
    return new TextCorpusSource(List.copyOf(roots), unit);
  }

  /**
   * From a command-line value: an existing file or folder, else a catalog corpus whose split
   * defaults to {@code train}.
   */
  public static TextCorpusSource of(String dataOrPath, String split, TextUnit unit) {
    Path path = Path.of(dataOrPath);
    if (Files.exists(path)) {
      return paths(List.of(path), unit);
    }
    requireCatalogChoice(dataOrPath, split == null ? "train" : split, DatasetKind.RAW_TEXT, false);
    return dataset(dataOrPath, split == null ? "train" : split, unit);
  }

  @Override
  RecordReader<TextDocument> openSplit(Dataset dataset, DataDirectory dir, String split, BadRowPolicy policy)
      throws IOException {
    return dataset.documents(dir, split, unit, policy);
  }
}
