package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.mlmsuite.backbone.train.AtomicFiles;

/** Writes an output text file all at once ({@link AtomicFiles#writeText}), so no half-written file is left. */
final class AtomicTextFile {
  private AtomicTextFile() {}

  /** Each line followed by the platform's line separator, as {@link Files#write(Path, Iterable, java.nio.charset.Charset, java.nio.file.OpenOption...)}. */
  static void writeLines(Path file, List<String> lines) throws IOException {
    write(file, lines.stream().map(l -> l + System.lineSeparator()).collect(Collectors.joining()));
  }

  static void write(Path file, String text) throws IOException {
    AtomicFiles.writeText(file, w -> w.write(text));
  }
}
