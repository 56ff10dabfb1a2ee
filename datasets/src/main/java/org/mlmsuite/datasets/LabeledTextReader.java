package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a CSV/TSV file as {@link LabeledText} records. */
public final class LabeledTextReader {
  private LabeledTextReader() {}

  /**
   * Streams {@code file}. Named columns are checked against the header before the first row;
   * a row with an empty text or label is a bad record; labels are stripped of surrounding spaces.
   */
  public static RecordReader<LabeledText> open(Path file, DelimitedFormat format, LabeledTextColumns columns,
      BadRowPolicy policy) throws IOException {
    DelimitedReader rows = DelimitedReader.open(file, format, policy);
    try {
      rows.requireColumns(columns.all());
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
    return rows.map(columns::read);
  }
}
