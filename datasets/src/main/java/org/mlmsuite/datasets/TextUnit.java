package org.mlmsuite.datasets;

/** How {@link RawTextReader} cuts a corpus into records. */
public enum TextUnit {
  /** One record per file (lines joined with {@code \n}). */
  DOCUMENT,
  /** One record per run of non-blank lines (joined with {@code \n}). */
  PARAGRAPH,
  /** One record per non-blank line. */
  LINE
}
