package org.mlmsuite.datasets;

import java.nio.file.Path;

/**
 * Where a record came from: the file and the 1-based line its record starts on (for JSON lines
 * the line is also the record number). Printed as {@code file:line}, the form editors and
 * terminals turn into links.
 */
public record Origin(Path file, long line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
