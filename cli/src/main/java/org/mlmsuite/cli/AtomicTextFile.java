package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mlmsuite.backbone.train.AtomicFiles;

/** Writes an output text file all at once ({@link AtomicFiles#writeText}), so no half-written file is left. */
final class AtomicTextFile {
  private AtomicTextFile() {}

  static void write(Path file, String text) throws IOException {
    AtomicFiles.writeText(file, w -> w.write(text));
  }
}
