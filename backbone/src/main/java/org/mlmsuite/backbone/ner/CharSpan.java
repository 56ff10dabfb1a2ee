package org.mlmsuite.backbone.ner;

/** A half-open character range {@code [start, end)} of some text. */
public record CharSpan(int start, int end) {
  public CharSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad character span [" + start + ", " + end + ")");
    }
  }

  public String coveredText(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
