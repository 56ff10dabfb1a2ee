package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Streams raw text corpora: each root is a file, or a folder whose {@code .txt} (and
 * {@code .txt.gz}) files are read recursively in name order. Blank lines only separate
 * paragraphs; they are never records. A file with no text at all is a bad record in
 * {@link TextUnit#DOCUMENT} mode.
 */
public final class RawTextReader extends AbstractRecordReader<TextDocument> {
  private final List<Path> files;
  private final TextUnit unit;
  private int nextFile;
  private Utf8LineReader current;

  private RawTextReader(List<Path> files, TextUnit unit, BadRowPolicy policy) {
    super(policy);
    this.files = files;
    this.unit = unit;
  }

  public static RawTextReader open(List<Path> roots, TextUnit unit, BadRowPolicy policy) throws IOException {
    return new RawTextReader(textFiles(roots), unit, policy);
  }

  public static RawTextReader open(Path root, TextUnit unit, BadRowPolicy policy) throws IOException {
    return open(List.of(root), unit, policy);
  }

  /** The files {@link #open} reads, in reading order. */
  public static List<Path> textFiles(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        files.add(root);
      } else if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          List<Path> found = walk.filter(Files::isRegularFile).filter(RawTextReader::isTextFile).sorted().toList();
          if (found.isEmpty()) {
            throw new IllegalArgumentException(root + ": no .txt or .txt.gz files in this folder");
          }
          files.addAll(found);
        }
      } else {
        throw new NoSuchFileException(root.toString());
      }
    }
    return files;
  }

  private static boolean isTextFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".txt.gz");
  }

  @Override
  TextDocument readRecord() throws IOException {
    while (true) {
      if (current == null) {
        if (nextFile == files.size()) {
          return null;
        }
        current = Utf8LineReader.open(files.get(nextFile++));
      }
      TextDocument record = unit == TextUnit.DOCUMENT ? readDocument() : readBlock(unit == TextUnit.PARAGRAPH);
      if (record != null) {
        return record;
      }
      current.close();
      current = null;
    }
  }

  private TextDocument readDocument() throws IOException {
    if (current.lineNumber() > 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = current.readLine()) != null) {
      text.append(line).append('\n');
    }
    Origin origin = new Origin(current.file(), 1);
    if (text.toString().isBlank()) {
      current.close();
      current = null;
      throw BadRecordException.of(origin, "file has no text");
    }
    return new TextDocument(text.toString(), origin);
  }

  private TextDocument readBlock(boolean paragraph) throws IOException {
    StringBuilder text = new StringBuilder();
    Origin start = null;
    String line;
    while ((line = current.readLine()) != null) {
      if (line.isBlank()) {
        if (start != null) {
          break;
        }
        continue;
      }
      if (start == null) {
        start = new Origin(current.file(), current.lineNumber());
      } else {
        text.append('\n');
      }
      text.append(line);
      if (!paragraph) {
        break;
      }
    }
    return start == null ? null : new TextDocument(text.toString(), start);
  }

  @Override
  void closeInput() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
    nextFile = files.size();
  }
}
