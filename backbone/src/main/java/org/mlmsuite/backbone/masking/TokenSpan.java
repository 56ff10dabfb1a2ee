package org.mlmsuite.backbone.masking;

/** A half-open range {@code [start, end)} of token positions in an Encoding. */
public record TokenSpan(int start, int end) {
  public TokenSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }
}
