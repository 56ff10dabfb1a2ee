package org.mlmsuite.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a CSV or TSV file (Apache Commons CSV): optional header, RFC 4180 quoting
 * with multi-line fields, strict UTF-8 with or without BOM, gzip detected automatically. Blank
 * lines between rows are ignored; header names are stripped of surrounding spaces, values never.
 * A row whose field count differs from the header's (or, without a header, the first row's) is
 * a bad record.
 */
public final class DelimitedReader extends AbstractRecordReader<DelimitedRow> {
  private final Utf8LineReader lines;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final char delimiter;
  private final boolean quoted;
  private int width = -1;

  private DelimitedReader(Utf8LineReader lines, DelimitedFormat format, BadRowPolicy policy) throws IOException {
    super(policy);
    this.lines = lines;
    this.delimiter = format.delimiter();
    this.quoted = format.quoted();
    CSVFormat csv = CSVFormat.DEFAULT.builder()
        .setDelimiter(format.delimiter())
        .setQuote(format.quoted() ? Character.valueOf('"') : null)
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(false)
        .setTrim(false)
        .get();
    this.parser = CSVParser.builder().setReader(lines.asReader()).setFormat(csv).get();
    this.records = parser.iterator();
    if (format.header()) {
      CSVRecord first = nextCsvRecord();
      if (first == null) {
        throw BadRecordException.fatal(new Origin(lines.file(), 1), "empty file, expected a header row");
      }
      header = first.toList().stream().map(String::strip).toList(); // so "text, label" has a column "label"
      width = header.size();
    } else {
      header = null;
    }
  }

  /** Opens {@code file}; the caller closes the reader. */
  public static DelimitedReader open(Path file, DelimitedFormat format, BadRowPolicy policy) throws IOException {
    Utf8LineReader lines = Utf8LineReader.open(file);
    try {
      return new DelimitedReader(lines, format, policy);
    } catch (IOException | RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  /** The header row, or null when the format has none. */
  public List<String> header() {
    return header;
  }

  public Path file() {
    return lines.file();
  }

  /**
   * Checks that every named column exists in the header and every index is within the first
   * row's width, so a wrong column fails at open, not row by row.
   */
  public void requireColumns(List<Column> columns) {
    for (Column c : columns) {
      if (c.isNamed() && header == null) {
        throw BadRecordException.fatal(new Origin(file(), 1),
            "column " + c + " chosen by name, but the file is read without a header; choose it by index");
      }
      if (c.isNamed() && !header.contains(c.name())) {
        throw BadRecordException.fatal(new Origin(file(), 1), "no column " + c + " in header " + header);
      }
      if (!c.isNamed() && header != null && c.index() >= header.size()) {
        throw BadRecordException.fatal(new Origin(file(), 1),
            "column " + c + " is out of range: the header has " + header.size() + " columns " + header);
      }
    }
  }

  @Override
  DelimitedRow readRecord() {
    CSVRecord record = nextCsvRecord();
    if (record == null) {
      return null;
    }
    Origin origin = new Origin(lines.file(), lines.lineAtCharacter(record.getCharacterPosition()));
    List<String> fields = record.toList();
    if (width < 0) {
      width = fields.size();
    } else if (fields.size() != width) {
      throw BadRecordException.of(origin, "expected " + width + " fields (as in the "
          + (header == null ? "first row" : "header") + "), found " + fields.size());
    }
    return new DelimitedRow(fields, header, origin);
  }

  private CSVRecord nextCsvRecord() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw BadRecordException.fatal(new Origin(lines.file(), Math.max(1, parser.getCurrentLineNumber())),
          "malformed " + (delimiter == '\t' ? "TSV" : "CSV") + ": "
              + e.getCause().getMessage()
              + (quoted ? " (if fields are not quoted RFC 4180 style, read the file with quoting off)" : ""));
    }
  }

  @Override
  void closeInput() throws IOException {
    parser.close();
  }
}
