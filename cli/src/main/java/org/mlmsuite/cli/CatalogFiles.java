package org.mlmsuite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mlmsuite.datasets.DataDirectory;
import org.mlmsuite.datasets.Dataset;
import org.mlmsuite.datasets.DatasetCatalog;

/**
 * Turns a data argument into files: an existing file; a folder (its regular files, recursively,
 * hidden ones skipped); or a catalog name with an optional split, {@code name[:split]}, resolved
 * under the data directory (see {@link DataDirectory}).
 */
final class CatalogFiles {
  private CatalogFiles() {}

  static List<Path> resolve(String argument, String defaultSplit) {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (Files.isDirectory(path)) {
      return filesUnder(path);
    }
    String[] parts = argument.split(":", 2);
    if (!DatasetCatalog.contains(parts[0])) {
      throw new IllegalArgumentException("no such file or folder: " + argument
          + " (and not a dataset name: " + String.join(", ", DatasetCatalog.names()) + ")");
    }
    Dataset dataset = DatasetCatalog.get(parts[0]);
    List<Path> files = new ArrayList<>();
    for (Path p : dataset.files(DataDirectory.resolve((Path) null), parts.length == 2 ? parts[1] : defaultSplit)) {
      if (Files.isDirectory(p)) {
        files.addAll(filesUnder(p));
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("dataset '" + parts[0] + "' is missing " + p);
      }
    }
    return files;
  }

  private static List<Path> filesUnder(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(dir + ": folder has no files");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }
}
