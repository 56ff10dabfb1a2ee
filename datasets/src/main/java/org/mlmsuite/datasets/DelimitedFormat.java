package org.mlmsuite.datasets;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a delimited file is laid out: the delimiter, whether the first row is a header, and whether
 * fields may be quoted RFC 4180 style ({@code "a ""quoted"" field"}, possibly spanning lines).
 * Field values are never trimmed.
 */
public record DelimitedFormat(char delimiter, boolean header, boolean quoted) {
  /** Comma-separated, with header, RFC 4180 quoting. */
  public static DelimitedFormat csv() {
    return new DelimitedFormat(',', true, true);
  }

  /** Tab-separated, with header, RFC 4180 quoting. */
  public static DelimitedFormat tsv() {
    return new DelimitedFormat('\t', true, true);
  }

  /** TSV for names ending {@code .tsv} or {@code .tsv.gz}, else CSV; with header. */
  public static DelimitedFormat forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".tab") ? tsv() : csv();
  }

  public DelimitedFormat withHeader(boolean hasHeader) {
    return new DelimitedFormat(delimiter, hasHeader, quoted);
  }

  public DelimitedFormat withQuoting(boolean allowQuotes) {
    return new DelimitedFormat(delimiter, header, allowQuotes);
  }
}
