package org.mlmsuite.datasets;

/** What a reader does with a bad record. Either way nothing is dropped silently. */
public enum BadRowPolicy {
  /** Throw {@link BadRecordException} at the first bad record (the default). */
  FAIL,
  /**
   * Skip records with a {@linkplain BadRecordException#skippable() skippable} problem and count
   * them: see {@link RecordReader#skippedRows()} and {@link RecordReader#skipReasons()}.
   */
  SKIP
}
