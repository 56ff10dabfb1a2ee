package org.mlmsuite.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a data argument into files: an existing file; a folder (its regular files, recursively,
 * hidden ones skipped); or a catalog name with an optional split, {@code name[:split]}, resolved
 * under the data directory (see {@link DataDirectory}).
 */
public final class CatalogFiles {
  private CatalogFiles() {}

  public static List<Path> resolve(String argument, String defaultSplit) {
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

  /** The one file an argument names, e.g. {@code conll2003[:split]}; {@code kind} (CoNLL) is for the error. */
  public static Path single(String argument, String defaultSplit, String kind) {
    List<Path> files = resolve(argument, defaultSplit);
    if (files.size() != 1) {
      throw new IllegalArgumentException(argument + ": expected one " + kind + " file, found " + files.size());
    }
    return files.get(0);
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
