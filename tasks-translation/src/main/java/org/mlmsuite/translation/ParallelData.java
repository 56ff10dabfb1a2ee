package org.mlmsuite.translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.RecordReader;
import org.mlmsuite.datasets.TranslationPair;
import org.mlmsuite.datasets.TranslationSource;

/**
 * Translation pairs read into memory from {@code NAME[:SPLIT]} (a catalog dataset such as {@code
 * multi30k-en-de:test}), two line-aligned files, or a CSV/TSV with a source and a target column.
 * {@link #source()} reopens the same data (catalog name with split, or absolute file paths).
 */
public record ParallelData(List<TranslationPair> pairs, String source, String name, String split) {

  /** Where the pairs are: see {@link TranslationSource#of}. */
  public record Location(String dataOrSourceFile, String targetFile, String sourceColumn, String targetColumn,
      Boolean header) {
    public static Location of(String dataOrSourceFile) {
      return new Location(dataOrSourceFile, null, null, null, null);
    }
  }

  /**
   * Parallel data as a user names it: a catalog name or CSV/TSV ({@code data}), or two line-aligned
   * files; exactly one of the two ways.
   *
   * @param sourceColumn, targetColumn columns of a CSV/TSV (null: {@code source}/{@code target}, or 0/1 without header)
   * @param noHeader the CSV/TSV has no header row
   */
  public record Input(String data, Path sourceFile, Path targetFile, String sourceColumn, String targetColumn,
      boolean noHeader) {
    public static Input of(String data) {
      return new Input(data, null, null, null, null, false);
    }

    public static Input files(Path sourceFile, Path targetFile) {
      return new Input(null, sourceFile, targetFile, null, null, false);
    }

    /** Neither a dataset nor a source file: no data (a missing target file alone does not count). */
    public boolean isEmpty() {
      return data == null && sourceFile == null;
    }

    /**
     * Reads the pairs.
     *
     * @param flag the command-line flag of {@code data} ({@code train}, {@code dev}, {@code test}),
     *     which errors name: the files' flags are {@code --source-file}, or {@code --dev-source-file}
     */
    public ParallelData read(String defaultSplit, Path dataDir, String flag) {
      String files = flag.equals("train") || flag.equals("test") ? "" : flag + "-";
      if (data != null && sourceFile != null) {
        throw new IllegalArgumentException("give --" + flag + " or --" + files + "source-file/--" + files
            + "target-file, not both");
      }
      if (data == null && (sourceFile == null || targetFile == null)) {
        throw new IllegalArgumentException("give --" + flag + " (dataset[:split] or CSV/TSV) or both --" + files
            + "source-file and --" + files + "target-file");
      }
      Location where = data != null
          ? new Location(data, null, sourceColumn, targetColumn, noHeader ? Boolean.FALSE : null)
          : new Location(sourceFile.toString(), targetFile.toString(), null, null, null);
      return ParallelData.read(where, defaultSplit, dataDir);
    }
  }

  /**
   * @param defaultSplit the catalog split when {@code NAME} has no {@code :SPLIT}
   * @param dataDir the {@code --data-dir} flag or null
   */
  public static ParallelData read(Location where, String defaultSplit, Path dataDir) {
    String spec = where.dataOrSourceFile();
    Path path = Path.of(spec);
    TranslationSource source;
    String name;
    String split;
    String reopen;
    if (where.targetFile() != null || Files.isRegularFile(path)) {
      source = TranslationSource.of(spec, null, where.targetFile(), where.sourceColumn(), where.targetColumn(),
          where.header());
      name = path.getFileName().toString();
      split = "file";
      reopen = path.toAbsolutePath().normalize()
          + (where.targetFile() == null ? "" : " + " + Path.of(where.targetFile()).toAbsolutePath().normalize());
    } else {
      int colon = spec.lastIndexOf(':');
      name = colon < 0 ? spec : spec.substring(0, colon);
      split = colon < 0 ? defaultSplit : spec.substring(colon + 1);
      source = TranslationSource.of(name, split, null, where.sourceColumn(), where.targetColumn(), where.header());
      reopen = name + ":" + split;
    }
    try (RecordReader<TranslationPair> reader = source.open(dataDir, BadRowPolicy.FAIL)) {
      List<TranslationPair> pairs = reader.readAll();
      if (pairs.isEmpty()) {
        throw new IllegalArgumentException(source.describe() + ": no translation pairs");
      }
      return new ParallelData(List.copyOf(pairs), reopen, name, split);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.describe(), e);
    }
  }

  public int size() {
    return pairs.size();
  }

  /** The first {@code n} pairs (0 or at least the size: all), named so reports say it is a subset. */
  public ParallelData first(int n) {
    if (n <= 0 || n >= size()) {
      return this;
    }
    return new ParallelData(pairs.subList(0, n), source + " (first " + n + ")", name, split);
  }

  public List<String> sources() {
    return pairs.stream().map(TranslationPair::source).toList();
  }

  public List<String> targets() {
    return pairs.stream().map(TranslationPair::target).toList();
  }
}
