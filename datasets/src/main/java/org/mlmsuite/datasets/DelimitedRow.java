package org.mlmsuite.datasets;

import java.util.List;

/**
 * One row of a delimited file: its fields, the file's header (null without one) and its origin.
 * Every row of a file has as many fields as the header (or the first row).
 */
public record DelimitedRow(List<String> fields, List<String> header, Origin origin) {
  /** The value of {@code column}; throws a {@link BadRecordException} naming it if absent. */
  public String get(Column column) {
    int i = column.resolve(header);
    if (i < 0 || i >= fields.size()) {
      throw BadRecordException.of(origin, "no column " + describe(column) + " (row has " + fields.size() + " fields"
          + (header == null ? "" : ", header " + header) + ")");
    }
    return fields.get(i);
  }

  /** The value of {@code column}, which must not be blank. */
  public String getNonBlank(Column column) {
    String value = get(column);
    if (value.isBlank()) {
      throw BadRecordException.of(origin, "column " + describe(column) + " is empty");
    }
    return value;
  }

  /** A column as users know it: its name, or its index plus the header name if any. */
  String describe(Column column) {
    if (column.isNamed() || header == null || column.index() >= header.size()) {
      return column.toString();
    }
    return column + " ('" + header.get(column.index()) + "')";
  }
}
