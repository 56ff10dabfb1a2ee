package org.mlmsuite.classification;

/** Which columns of the user's file held the text, the optional second text, and the label (null for catalog data). */
public record TextColumns(String text, String textPair, String label) {
  public static TextColumns catalog() {
    return new TextColumns(null, null, null);
  }

  /** These columns where given, else the columns {@code model} was trained with. */
  public TextColumns orElse(ClassifierInfo model) {
    return new TextColumns(text != null ? text : model.textColumn(),
        textPair != null ? textPair : model.textPairColumn(), label != null ? label : model.labelColumn());
  }
}
