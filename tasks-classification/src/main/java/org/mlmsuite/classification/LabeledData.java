package org.mlmsuite.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.LabeledTextSource;
import org.mlmsuite.datasets.RecordReader;

/**
 * Labeled examples read into memory from {@code NAME[:SPLIT]} (a catalog dataset such as {@code
 * sst2:dev}) or a CSV/TSV file with the given columns. {@link #source()} is a string that reopens
 * the same data (a catalog name with its split, or the file's absolute path).
 */
public record LabeledData(List<LabeledText> examples, String source, String description, String name, String split,
    Path file) {

  /**
   * How to read a CSV/TSV file and where catalog data lives; catalog datasets ignore the columns.
   *
   * @param columns the file's columns (null names: {@code text}, {@code label})
   * @param header whether a file's first row is a header (null: yes)
   * @param dataDir the catalog mirror (null: {@code $MLM_DATA_DIR})
   */
  public record Options(TextColumns columns, Boolean header, Path dataDir) {
    public static Options defaults() {
      return new Options(TextColumns.catalog(), null, null);
    }

    public Options withColumns(TextColumns other) {
      return new Options(other, header, dataDir);
    }
  }

  /** {@link #read(String, String, TextColumns, Boolean, Path)} with the columns, header and data folder of {@code options}. */
  public static LabeledData read(String dataOrFile, String defaultSplit, Options options) {
    return read(dataOrFile, defaultSplit, options.columns(), options.header(), options.dataDir());
  }

  /**
   * @param dataOrFile an existing file, else {@code NAME} or {@code NAME:SPLIT}
   * @param defaultSplit the catalog split when none is given
   * @param header whether a file's first row is a header (null: yes)
   * @param dataDir the {@code --data-dir} flag or null
   */
  public static LabeledData read(String dataOrFile, String defaultSplit, TextColumns columns, Boolean header,
      Path dataDir) {
    Path path = Path.of(dataOrFile);
    LabeledTextSource source;
    String name;
    String split;
    String reopen;
    if (Files.isRegularFile(path)) {
      source = LabeledTextSource.of(dataOrFile, null, columns.text(), columns.textPair(), columns.label(), header);
      name = path.getFileName().toString();
      split = null;
      reopen = path.toAbsolutePath().normalize().toString();
    } else {
      int colon = dataOrFile.indexOf(':');
      name = colon < 0 ? dataOrFile : dataOrFile.substring(0, colon);
      split = colon < 0 ? defaultSplit : dataOrFile.substring(colon + 1);
      if (columns.text() != null || columns.textPair() != null || columns.label() != null) {
        // catalog datasets know their columns
        columns = TextColumns.catalog();
      }
      source = LabeledTextSource.of(name, split, null, null, null, null);
      reopen = name + ":" + split;
    }
    try (RecordReader<LabeledText> reader = source.open(dataDir, BadRowPolicy.FAIL)) {
      return new LabeledData(reader.readAll(), reopen, reopen, name, split, split == null ? path : null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataOrFile, e);
    }
  }

  /** A seeded random sample of at most {@code n} examples (all of them, in order, when n >= size). */
  public LabeledData sample(int n, long seed) {
    if (n <= 0 || n >= examples.size()) {
      return this;
    }
    List<LabeledText> copy = new ArrayList<>(examples);
    Collections.shuffle(copy, new Random(seed));
    return new LabeledData(List.copyOf(copy.subList(0, n)), source, description + " (random " + n + " of "
        + examples.size() + ", seed " + seed + ")", name, split, file);
  }

  public int size() {
    return examples.size();
  }
}
