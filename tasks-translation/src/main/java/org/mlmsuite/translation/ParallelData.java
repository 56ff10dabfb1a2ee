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

  public List<String> sources() {
    return pairs.stream().map(TranslationPair::source).toList();
  }

  public List<String> targets() {
    return pairs.stream().map(TranslationPair::target).toList();
  }
}
