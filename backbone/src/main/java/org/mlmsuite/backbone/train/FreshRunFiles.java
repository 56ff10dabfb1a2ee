package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh training run has created in its output folder before its first checkpoint: a run
 * that ends before then (a bad backbone, a full disk, SIGINT/SIGTERM) has nothing to resume, so
 * it removes them and leaves the folder as it found it. Only paths that did not exist are
 * tracked, so a folder or file the user made is never deleted.
 */
final class FreshRunFiles {
  private final List<Path> created = new ArrayList<>();

  /** Call before creating {@code path}: tracks it (and the shutdown hook deletes it) if it is new. */
  void aboutToCreate(Path path) {
    if (!Files.exists(path)) {
      created.add(path);
      AtomicFiles.deleteOnExit(path);
    }
  }

  /** The first checkpoint is written: the run is resumable, keep everything. */
  void keep() {
    created.forEach(AtomicFiles::finished);
    created.clear();
  }

  /** Removes what was created, newest first (the folder last); a no-op after {@link #keep}. */
  void delete() {
    for (int i = created.size() - 1; i >= 0; i--) {
      Path p = created.get(i);
      try {
        AtomicFiles.deleteTree(p);
      } catch (IOException e) {
        // the failure that brought us here is the one to report
      }
      AtomicFiles.finished(p);
    }
    created.clear();
  }
}
