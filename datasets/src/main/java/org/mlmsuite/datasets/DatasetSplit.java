package org.mlmsuite.datasets;

import java.util.List;

/** A split of a catalog dataset: its name and its files or folders, relative to the data directory. */
public record DatasetSplit(String name, List<String> files) {
  public DatasetSplit {
    files = List.copyOf(files);
  }
}
