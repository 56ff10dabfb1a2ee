package org.mlmsuite.datasets;

/**
 * A record the user must fix: the message names the file, the line (or record) and the field,
 * e.g. {@code data/train.csv:17: column 'label' is empty}.
 *
 * <p>A {@linkplain #skippable() skippable} error concerns one record only (a ragged row, an empty
 * field) and {@link BadRowPolicy#SKIP} may skip it. Errors that break the rest of the file
 * (invalid UTF-8, an unterminated quote, parallel files of different lengths) are never skippable.
 */
public class BadRecordException extends IllegalArgumentException {
  private final transient Origin origin;
  private final String reason;
  private final boolean skippable;

  public BadRecordException(Origin origin, String reason, boolean skippable) {
    super(origin + ": " + oneLine(reason));
    this.origin = origin;
    this.reason = oneLine(reason);
    this.skippable = skippable;
  }

  /** A skippable problem with one record. */
  public static BadRecordException of(Origin origin, String reason) {
    return new BadRecordException(origin, reason, true);
  }

  /** A problem after which the file cannot be read further. */
  public static BadRecordException fatal(Origin origin, String reason) {
    return new BadRecordException(origin, reason, false);
  }

  public Origin origin() {
    return origin;
  }

  /** The message without the {@code file:line: } prefix. */
  public String reason() {
    return reason;
  }

  public boolean skippable() {
    return skippable;
  }

  /**
   * The reason with line breaks and other control characters written as escapes: a reason may
   * quote the bad field, and the error must stay one line on a terminal.
   */
  static String oneLine(String reason) {
    StringBuilder sb = new StringBuilder(reason.length());
    reason.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append('\t');
        default -> {
          if (Character.isISOControl(c)) {
            sb.append(String.format("\\u%04x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.toString();
  }
}
