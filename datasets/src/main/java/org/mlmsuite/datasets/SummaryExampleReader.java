package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a JSON-lines file as {@link SummaryExample} records. */
public final class SummaryExampleReader {
  private SummaryExampleReader() {}

  /** Every named field must be present and non-blank in every line. */
  public static RecordReader<SummaryExample> open(Path file, SummaryFields fields, BadRowPolicy policy)
      throws IOException {
    return JsonLinesReader.open(file, policy).map(fields::read);
  }
}
