package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.text.Vocabulary;

/**
 * Generated WordPiece ids back to running text, for scoring with detokenised metrics (sacreBLEU,
 * chrF, ROUGE). BERT's pre-tokenizer splits every punctuation character into its own token and
 * forgets the spacing, so spacing is restored with rules in the spirit of Moses' detokenizer:
 *
 * <ul>
 *   <li>{@code ##} continuations are glued to the previous piece; special tokens are dropped;
 *   <li>no space before {@code . , ! ? : ; % ) ] } …} and after {@code ( [ {};
 *   <li>{@code - / '} and {@code &} between two letters or digits are glued on both sides
 *       ({@code t - shirt} -> {@code t-shirt}, {@code man ' s} -> {@code man's});
 *   <li>straight double quotes alternate opening (glued to the next word) and closing (glued to
 *       the previous word);
 *   <li>a word between two {@code #} is one tag ({@code # Person1 #} -> {@code #Person1#}, DialogSum's
 *       speaker tags).
 * </ul>
 *
 * An uncased (lowercasing) vocabulary cannot restore capitals: its output stays lowercase.
 */
public final class Detokenizer {
  private static final String NO_SPACE_BEFORE = ".,!?:;%)]}…";
  private static final String NO_SPACE_AFTER = "([{";
  private static final String JOINERS = "-/'&";

  private final Vocabulary vocab;

  public Detokenizer(Vocabulary vocab) {
    this.vocab = vocab;
  }

  /** Text of {@code ids}; special tokens (including [UNK]) are left out. */
  public String detokenize(int[] ids) {
    List<String> words = new ArrayList<>();
    for (int id : ids) {
      if (vocab.isSpecial(id)) {
        continue;
      }
      String token = vocab.token(id);
      if (token.startsWith("##") && !words.isEmpty()) {
        words.set(words.size() - 1, words.get(words.size() - 1) + token.substring(2));
      } else {
        words.add(token.startsWith("##") ? token.substring(2) : token);
      }
    }
    return join(words);
  }

  /** Joins pre-split words (each punctuation mark its own word) with the spacing rules above. */
  public static String join(List<String> words) {
    StringBuilder out = new StringBuilder();
    boolean openQuote = false;
    boolean glueNext = true; // nothing before the first word
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (isTag(words, i)) {
        w = "#" + words.get(i + 1) + "#";
        i += 2;
      }
      boolean space = !glueNext;
      glueNext = false;
      if (w.length() == 1 && NO_SPACE_BEFORE.indexOf(w.charAt(0)) >= 0) {
        space = false;
      } else if (w.length() == 1 && NO_SPACE_AFTER.indexOf(w.charAt(0)) >= 0) {
        glueNext = true;
      } else if (w.equals("\"")) {
        if (openQuote) {
          space = false;
        } else {
          glueNext = true;
        }
        openQuote = !openQuote;
      } else if (w.length() == 1 && JOINERS.indexOf(w.charAt(0)) >= 0
          && i > 0 && i + 1 < words.size() && endsAlnum(words.get(i - 1)) && startsAlnum(words.get(i + 1))) {
        space = false;
        glueNext = true;
      }
      if (space) {
        out.append(' ');
      }
      out.append(w);
    }
    return out.toString();
  }

  private static boolean isTag(List<String> words, int i) {
    return words.get(i).equals("#") && i + 2 < words.size() && words.get(i + 2).equals("#")
        && startsAlnum(words.get(i + 1)) && endsAlnum(words.get(i + 1));
  }

  private static boolean endsAlnum(String w) {
    return !w.isEmpty() && Character.isLetterOrDigit(w.codePointBefore(w.length()));
  }

  private static boolean startsAlnum(String w) {
    return !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0));
  }
}
