package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a task's records come from: a catalog dataset and split, or the user's own files.
 * Task modules take one from their command-line options and open it; the data directory is
 * only resolved when a catalog dataset needs it.
 */
public interface DataSource<T> {
  /**
   * Opens the records. {@code dataDirFlag} is the {@code --data-dir} value or null; see
   * {@link DataDirectory#resolve(Path)}.
   */
  RecordReader<T> open(Path dataDirFlag, BadRowPolicy policy) throws IOException;

  /** For logs and reports: {@code sst2/dev} or the file path(s) and columns. */
  String describe();
}
