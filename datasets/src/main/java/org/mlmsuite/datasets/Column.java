package org.mlmsuite.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A column of a delimited file, chosen by header name or by 0-based index.
 * {@link #parse} reads a command-line value: all digits means an index, anything else a name.
 */
public record Column(String name, int index) {
  public Column {
    if ((name == null) == (index < 0)) {
      throw new IllegalArgumentException("a column has either a name or an index >= 0");
    }
  }

  public static Column named(String name) {
    return new Column(name, -1);
  }

  public static Column at(int index) {
    return new Column(null, index);
  }

  /** {@code "2"} is the third column, {@code "label"} the column headed {@code label}. */
  public static Column parse(String nameOrIndex) {
    if (nameOrIndex == null || nameOrIndex.isEmpty()) {
      throw new IllegalArgumentException("empty column name");
    }
    return nameOrIndex.chars().allMatch(Character::isDigit) ? at(Integer.parseInt(nameOrIndex)) : named(nameOrIndex);
  }

  @JsonIgnore
  public boolean isNamed() {
    return name != null;
  }

  /** The index of this column among {@code header} (null when the file has none), or -1. */
  int resolve(List<String> header) {
    if (!isNamed()) {
      return index;
    }
    return header == null ? -1 : header.indexOf(name);
  }

  @Override
  public String toString() {
    return isNamed() ? "'" + name + "'" : "#" + index;
  }
}
