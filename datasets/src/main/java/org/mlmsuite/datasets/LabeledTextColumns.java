package org.mlmsuite.datasets;

import java.util.ArrayList;
import java.util.List;

/** Which columns of a delimited file hold the text, the optional second text and the label. */
public record LabeledTextColumns(Column text, Column textPair, Column label) {
  public LabeledTextColumns {
    if (text == null || label == null) {
      throw new IllegalArgumentException("the text and label columns are required");
    }
  }

  /** Single-text columns. */
  public static LabeledTextColumns of(Column text, Column label) {
    return new LabeledTextColumns(text, null, label);
  }

  /** Parses command-line values; {@code textPair} may be null. */
  public static LabeledTextColumns parse(String text, String textPair, String label) {
    return new LabeledTextColumns(Column.parse(text), textPair == null ? null : Column.parse(textPair), Column.parse(label));
  }

  List<Column> all() {
    List<Column> all = new ArrayList<>(List.of(text, label));
    if (textPair != null) {
      all.add(textPair);
    }
    return all;
  }

  /** The labeled text in {@code row}; every chosen column must be present and non-blank. */
  LabeledText read(DelimitedRow row) {
    String t = row.getNonBlank(text);
    String pair = textPair == null ? null : row.getNonBlank(textPair);
    String l = row.getNonBlank(label).strip();
    return new LabeledText(t, pair, l, row.origin());
  }
}
