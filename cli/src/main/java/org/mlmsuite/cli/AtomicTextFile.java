package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Writes an output text file all at once: a temp file beside it, then a rename, so no half-written file is left. */
final class AtomicTextFile {
  private AtomicTextFile() {}

  /** Each line followed by the platform's line separator, as {@link Files#write(Path, Iterable, java.nio.charset.Charset, java.nio.file.OpenOption...)}. */
  static void writeLines(Path file, List<String> lines) throws IOException {
    write(file, lines.stream().map(l -> l + System.lineSeparator()).collect(Collectors.joining()));
  }

  static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
