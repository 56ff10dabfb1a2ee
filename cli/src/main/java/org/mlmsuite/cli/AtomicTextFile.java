package org.mlmsuite.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.mlmsuite.backbone.train.AtomicFiles;

/** Writes an output text file all at once: a temp file beside it, then a rename, so no half-written file is left. */
final class AtomicTextFile {
  private AtomicTextFile() {}

  /** Each line followed by the platform's line separator, as {@link Files#write(Path, Iterable, java.nio.charset.Charset, java.nio.file.OpenOption...)}. */
  static void writeLines(Path file, List<String> lines) throws IOException {
    write(file, lines.stream().map(l -> l + System.lineSeparator()).collect(Collectors.joining()));
  }

  static void write(Path file, String text) throws IOException {
    write(file, w -> w.write(text));
  }

  /** What streams a file's contents; it may fail, and then the target is left as it was. */
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  /** UTF-8; the file appears (or is replaced) only once {@code body} has written all of it. */
  static void write(Path file, Body body) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = AtomicFiles.tempSibling(target);
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
