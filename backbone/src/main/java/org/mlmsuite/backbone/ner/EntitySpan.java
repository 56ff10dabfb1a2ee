package org.mlmsuite.backbone.ner;

/**
 * A named entity found in a text: the half-open character range {@code [start, end)} in the
 * original text and its type as the model names it (CoNLL: {@code PER}, {@code LOC}, {@code ORG},
 * {@code MISC}).
 */
public record EntitySpan(int start, int end, String type) {
  public EntitySpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad entity span [" + start + ", " + end + ")");
    }
  }

  public String coveredText(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
