package org.mlmsuite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@code --corpus} argument into text files: a file, a folder (its regular files,
 * recursively, hidden ones skipped), or a name of the mirror ({@code pretrain-en},
 * {@code multi30k-en-de}) found under MLM_DATA_DIR, else {@code ../shared/datasets}.
 * TODO: resolve names through the datasets module's catalog once it exists.
 */
final class CorpusFiles {
  private CorpusFiles() {}

  static List<Path> resolve(String corpus) {
    Path path = Path.of(corpus);
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (Files.isDirectory(path)) {
      List<Path> files = walk(path, "");
      if (files.isEmpty()) {
        throw new IllegalArgumentException(corpus + ": folder has no files");
      }
      return files;
    }
    switch (corpus) {
      case "pretrain-en" -> {
        return walk(dataDir().resolve("pretrain"), ".txt");
      }
      case "multi30k-en-de" -> {
        Path d = dataDir().resolve("multi30k");
        return List.of(d.resolve("train.en"), d.resolve("train.de"));
      }
      default -> throw new IllegalArgumentException(
          "--corpus " + corpus + ": no such file or folder, and not a known corpus name (pretrain-en, multi30k-en-de)");
    }
  }

  private static Path dataDir() {
    String env = System.getenv("MLM_DATA_DIR");
    Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "datasets");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data mirror not found at " + dir + " (set MLM_DATA_DIR)");
    }
    return dir;
  }

  private static List<Path> walk(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": corpus folder not found");
    }
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted().toList());
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }
}
