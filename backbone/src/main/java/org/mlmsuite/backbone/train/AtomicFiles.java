package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crash-safe file writes: write a temp file, fsync it, rename over the target, fsync the directory.
 *
 * <p>Temp files and folders are made with {@code CREATE_NEW} / {@code createDirectory}, never {@code
 * Files.createTempFile} / {@code createTempDirectory}: those are owner-only (0600 / 0700), and a
 * model renamed into place would keep that, so another user could not serve it. These honour the
 * process umask, like every other tool.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** A new, not yet existing hidden sibling of {@code target}: {@code .NAME.<unique>.tmp}. */
  public static Path tempSibling(Path target) {
    return target.toAbsolutePath().resolveSibling(
        "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
  }

  /** Creates a new hidden folder {@code .PREFIX<unique>} in {@code parent}, with the umask's permissions. */
  public static Path createTempFolder(Path parent, String prefix) throws IOException {
    while (true) {
      try {
        return Files.createDirectory(parent.resolve("." + prefix + Long.toHexString(System.nanoTime())));
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another writer picked the same nanosecond: try the next name
      }
    }
  }

  /** What streams a text file's contents; it may fail, and then the target is left as it was. */
  public interface TextBody {
    void writeTo(Writer writer) throws IOException;
  }

  /**
   * Writes a UTF-8 text file that appears (or replaces the old one) only once {@code body} has
   * written all of it, so no half-written file is left. Not fsynced: for outputs a rerun makes
   * again (predictions, hypotheses), not for checkpoints.
   */
  public static void writeText(Path file, TextBody body) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = tempSibling(target);
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Each line followed by the platform's line separator, as {@link Files#write(Path, Iterable, java.nio.charset.Charset, java.nio.file.OpenOption...)}. */
  public static void writeLines(Path file, List<String> lines) throws IOException {
    writeText(file, w -> {
      for (String line : lines) {
        w.write(line);
        w.write(System.lineSeparator());
      }
    });
  }

  static void writeString(Path target, String content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(dir);
  }

  /** Flushes every regular file in {@code dir} and then the directory entry itself. */
  static void fsyncTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.force(true);
          }
        }
      }
    }
    fsyncDirectory(dir);
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for fsync; the rename is still atomic there.
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
