package org.mlmsuite.backbone.pretrained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlmsuite.backbone.train.AtomicFiles;

/**
 * A hidden temporary folder beside a target (same file system, so the result can be renamed into
 * place), deleted on close and, should the JVM be stopped by a signal first, by a shutdown hook.
 */
final class WorkFolder implements AutoCloseable {
  private final Path path;
  private final Thread cleanup;

  private WorkFolder(Path path) {
    this.path = path;
    this.cleanup = new Thread(this::delete, "delete " + path);
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** {@code .NAME.import-XXXX} in {@code target}'s parent folder (created if needed). */
  static WorkFolder beside(Path target) {
    try {
      Path parent = target.getParent();
      Files.createDirectories(parent);
      return new WorkFolder(AtomicFiles.createTempFolder(parent, target.getFileName() + ".import-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work folder beside " + target, e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to do
    }
  }

  private void delete() {
    try {
      AtomicFiles.deleteTree(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
