package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** The shared half of the task sources: a catalog split, or the user's files opened by a lambda. */
abstract class CatalogOrFileSource<T> implements DataSource<T> {
  @FunctionalInterface
  interface FileOpener<T> {
    RecordReader<T> open(BadRowPolicy policy) throws IOException;
  }

  private final String dataset;
  private final String split;
  private final FileOpener<T> files;
  private final String description;

  /** A catalog split (checked now, so a typo fails before any work). */
  CatalogOrFileSource(String dataset, String split, DatasetKind kind) {
    catalogEntry(dataset, kind).split(split);
    this.dataset = dataset;
    this.split = split;
    this.files = null;
    this.description = dataset + "/" + split;
  }

  /** The user's files. */
  CatalogOrFileSource(FileOpener<T> files, String description) {
    this.dataset = null;
    this.split = null;
    this.files = files;
    this.description = description;
  }

  /** Opens a split of a catalog dataset of the right kind. */
  abstract RecordReader<T> openSplit(Dataset dataset, DataDirectory dir, String split, BadRowPolicy policy)
      throws IOException;

  @Override
  public RecordReader<T> open(Path dataDirFlag, BadRowPolicy policy) throws IOException {
    return files != null ? files.open(policy) : open(DataDirectory.resolve(dataDirFlag), policy);
  }

  /** Opens under an already resolved data directory (not needed, so ignored, for the user's files). */
  public RecordReader<T> open(DataDirectory dir, BadRowPolicy policy) throws IOException {
    return files != null ? files.open(policy) : openSplit(DatasetCatalog.get(dataset), dir, split, policy);
  }

  /** True for a catalog dataset, false for the user's files. */
  public boolean isCatalogDataset() {
    return dataset != null;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  static Dataset catalogEntry(String name, DatasetKind kind) {
    Dataset d = DatasetCatalog.get(name);
    if (!d.kind().readableAs(kind)) {
      throw new IllegalArgumentException("dataset '" + name + "' holds " + d.kind().rowsAre() + ", not " + kind.rowsAre());
    }
    return d;
  }

  /** For a command-line value that names no existing file: it must be a catalog dataset with a split. */
  static void requireCatalogChoice(String value, String split, DatasetKind kind, boolean fileOptionsGiven) {
    if (!DatasetCatalog.contains(value)) {
      throw new IllegalArgumentException("'" + value + "' is neither an existing file nor a catalog dataset "
          + DatasetCatalog.names());
    }
    Dataset d = catalogEntry(value, kind);
    if (fileOptionsGiven) {
      throw new IllegalArgumentException("column, field and header options apply to your own files, not to catalog dataset '"
          + value + "'");
    }
    if (split == null) {
      throw new IllegalArgumentException("dataset '" + value + "' needs a split: one of " + d.splitNames());
    }
  }
}
