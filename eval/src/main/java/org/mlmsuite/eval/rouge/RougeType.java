package org.mlmsuite.eval.rouge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ROUGE variant, named as rouge-score names it: {@code rouge1} .. {@code rouge9} (n-gram
 * overlap), {@code rougeL} (longest common subsequence over the whole text) and {@code rougeLsum}
 * (summary-level union LCS over newline-separated sentences).
 *
 * @param name the rouge-score name
 * @param n the n-gram order for rougeN, 0 for the LCS variants
 */
public record RougeType(String name, int n) {
  public static final RougeType ROUGE_1 = new RougeType("rouge1", 1);
  public static final RougeType ROUGE_2 = new RougeType("rouge2", 2);
  public static final RougeType ROUGE_L = new RougeType("rougeL", 0);
  public static final RougeType ROUGE_LSUM = new RougeType("rougeLsum", 0);

  private static final Pattern NGRAM = Pattern.compile("rouge([0-9])");

  /** Parses a rouge-score name; rejects {@code rougen}, {@code rouge0} and {@code rouge10} as rouge-score does. */
  public static RougeType parse(String name) {
    String trimmed = name.trim();
    if (trimmed.equals(ROUGE_L.name)) {
      return ROUGE_L;
    }
    if (trimmed.equals(ROUGE_LSUM.name)) {
      return ROUGE_LSUM;
    }
    Matcher m = NGRAM.matcher(trimmed);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      if (n <= 0) {
        throw new IllegalArgumentException("ROUGE-N needs a positive n: '" + name + "'");
      }
      return new RougeType(trimmed, n);
    }
    throw new IllegalArgumentException(
        "unknown ROUGE type '" + name + "' (expected rouge1..rouge9, rougeL or rougeLsum)");
  }

  public boolean isNgram() {
    return n > 0;
  }

  @Override
  public String toString() {
    return name;
  }
}
