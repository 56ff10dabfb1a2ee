package org.mlmsuite.eval.mt;

/** How sacreBLEU's command line cleans each line it reads, for callers that read files themselves. */
public final class SegmentText {
  private SegmentText() {}

  /**
   * Drops trailing whitespace as Python's {@code str.rstrip()} does (which, unlike
   * {@link String#stripTrailing()}, also drops no-break spaces and U+0085).
   */
  public static String stripTrailingWhitespace(String line) {
    return PythonText.rstrip(line);
  }
}
