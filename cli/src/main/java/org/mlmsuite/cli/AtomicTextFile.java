package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mlmsuite.backbone.train.AtomicFiles;

/** Writes an output text file all at once: a temp file beside it, then a rename, so no half-written file is left. */
final class AtomicTextFile {
  private AtomicTextFile() {}

  static void write(Path file, String text) throws IOException {
    write(file, w -> w.write(text));
  }

  /** UTF-8; the file appears (or is replaced) only once {@code body} has written all of it. */
  static void write(Path file, AtomicFiles.TextBody body) throws IOException {
    AtomicFiles.writeText(file, body);
  }
}
