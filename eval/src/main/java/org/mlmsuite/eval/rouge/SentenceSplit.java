package org.mlmsuite.eval.rouge;

import java.util.regex.Pattern;

/**
 * How to turn one text segment into the newline-separated sentences that {@code rougeLsum} needs.
 * rouge-score itself only splits on newlines; these strategies prepare the text before scoring.
 */
public enum SentenceSplit {
  /** Sentences separated by the two-character escape {@code \n} (a segment stays on one file line). */
  NEWLINE_LITERAL("newline-literal"),
  /** Text is used as is: real newlines, if any, separate sentences. */
  NONE("none"),
  /**
   * Split after '.', '!' or '?' (and any closing quotes or brackets) followed by whitespace;
   * a rough stand-in for nltk.sent_tokenize when the data has no sentence breaks.
   */
  PUNCTUATION("punctuation");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"')\\]]{0,3})\\s+");

  private final String cliName;

  SentenceSplit(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static SentenceSplit parse(String name) {
    for (SentenceSplit s : values()) {
      if (s.cliName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown sentence split '" + name + "' (expected newline-literal, none or punctuation)");
  }

  /** The text with one sentence per line. */
  public String apply(String text) {
    return switch (this) {
      case NEWLINE_LITERAL -> text.replace("\\n", "\n");
      case NONE -> text;
      case PUNCTUATION -> SENTENCE_END.matcher(text.strip()).replaceAll("\n");
    };
  }
}
