package org.mlmsuite.backbone.train;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  // Paths a write in progress has created and not yet finished: a SIGINT/SIGTERM runs the
  // shutdown hook, not the writer's finally, so the hook removes them (newest first).
  private static final Set<Path> UNFINISHED = new LinkedHashSet<>();
  private static boolean hookInstalled;

  /**
   * Marks {@code path} (a file or folder) as unfinished: if the JVM exits before {@link
   * #finished} is called for it, a shutdown hook deletes it. Nothing is deleted on SIGKILL; the
   * next run's own cleanup ({@code removeIncompleteWrites}) covers that.
   */
  public static synchronized void deleteOnExit(Path path) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteUnfinished, "mlm-temp-cleanup"));
      hookInstalled = true;
    }
    UNFINISHED.add(path.toAbsolutePath());
  }

  /** {@code path} is complete (or already deleted): the shutdown hook leaves it alone. */
  public static synchronized void finished(Path path) {
    UNFINISHED.remove(path.toAbsolutePath());
  }

  private static void deleteUnfinished() {
    ExitGate.closeForExit(); // writes in progress finish; later ones never start
    List<Path> newestFirst;
    synchronized (AtomicFiles.class) {
      newestFirst = new ArrayList<>(UNFINISHED);
      UNFINISHED.clear();
    }
    java.util.Collections.reverse(newestFirst);
    for (Path p : newestFirst) {
      try {
        deleteTree(p);
      } catch (IOException | RuntimeException e) {
        // best effort while the JVM exits; the next run's cleanup handles what remains
      }
    }
  }

  /**
   * Refuses a write target that is a folder, before anything is computed for it: the rename at
   * the end would fail only after all the work.
   */
  public static void requireWritableFileTarget(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      throw new FileSystemException(target.toString(), null, "is a directory, not a file");
    }
    Path parent = target.toAbsolutePath().getParent();
    if (Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new FileSystemException(parent.toString(), null, "is a file, not a directory");
    }
  }

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

  /** What streams a binary file's contents; it may fail, and then the target is left as it was. */
  public interface ByteBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a UTF-8 text file that appears (or replaces the old one) only once {@code body} has
   * written all of it, so no half-written file is left. Not fsynced: for outputs a rerun makes
   * again (predictions, hypotheses), not for checkpoints.
   */
  public static void writeText(Path file, TextBody body) throws IOException {
    writeBytes(file, out -> {
      // an encoder that reports unmappable text, as Files.newBufferedWriter's does
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
      body.writeTo(w);
      w.flush();
    });
  }

  /**
   * Writes a file that appears (or replaces the old one) only once {@code body} has written all of
   * it: the temp file is removed when the body fails or the JVM exits first. Not fsynced: for
   * outputs a rerun makes again (predictions, caches), not for checkpoints.
   */
  public static void writeBytes(Path file, ByteBody body) throws IOException {
    Path target = file.toAbsolutePath();
    requireWritableFileTarget(target);
    Files.createDirectories(target.getParent());
    Path tmp = tempSibling(target);
    // The body may run for minutes (predictions): only creating and renaming the temp wait on exit.
    try {
      try (OutputStream out = new BufferedOutputStream(ExitGate.pass(() -> {
        deleteOnExit(tmp);
        return Files.newOutputStream(tmp);
      }))) {
        body.writeTo(out);
      } catch (IOException e) {
        throw namingTarget(target, e);
      }
      ExitGate.pass(() -> Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
    } finally {
      Files.deleteIfExists(tmp);
      finished(tmp);
    }
  }

  // A write error (a full disk: "No space left on device") names no file; the user needs the target's.
  private static IOException namingTarget(Path target, IOException e) {
    if (e instanceof FileSystemException || e.getMessage() == null) {
      return e;
    }
    FileSystemException named = new FileSystemException(target.toString(), null, e.getMessage());
    named.initCause(e);
    return named;
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
    ExitGate.pass(() -> {
      deleteOnExit(tmp);
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        } catch (IOException e) {
          throw namingTarget(target, e);
        }
        return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
        finished(tmp);
      }
    });
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
