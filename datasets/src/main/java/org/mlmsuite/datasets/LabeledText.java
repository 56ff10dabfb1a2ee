package org.mlmsuite.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text (or, for pair tasks such as entailment, two texts) with its label as written in the
 * file. {@code textPair} is null for single-text tasks.
 */
public record LabeledText(String text, String textPair, String label, Origin origin) {
  public LabeledText(String text, String label, Origin origin) {
    this(text, null, label, origin);
  }

  @JsonIgnore
  public boolean isPair() {
    return textPair != null;
  }

  public LabeledText withText(String newText) {
    return new LabeledText(newText, textPair, label, origin);
  }
}
