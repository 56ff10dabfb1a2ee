package org.mlmsuite.eval.mt;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * sacreBLEU's tokenizers for BLEU, by their command-line names. Each returns the segment as tokens
 * joined by single spaces.
 */
public enum BleuTokenizer {
  /** mteval-v13a.pl, the WMT standard and sacreBLEU's default: ASCII punctuation and symbols split off. */
  THIRTEEN_A("13a") {
    @Override
    public String tokenize(String line) {
      line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
      if (line.contains("&")) {
        line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
      }
      line = " " + line + " ";
      line = V13A_SYMBOLS.matcher(line).replaceAll(" $1 ");
      line = V13A_PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
      line = V13A_PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
      line = V13A_DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
      return PythonText.normalizeSpaces(line);
    }
  },
  /**
   * mteval-v14.pl's international tokenization: every Unicode punctuation (P*) character is split
   * off unless it sits between digits, every Unicode symbol (S*) is split off.
   */
  INTL("intl") {
    @Override
    public String tokenize(String line) {
      line = INTL_PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
      line = INTL_PUNCT_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
      line = INTL_SYMBOL.matcher(line).replaceAll(" $1 ");
      return PythonText.normalizeSpaces(line);
    }
  },
  /** Every character (code point) is a token; for languages without spaces. */
  CHAR("char") {
    @Override
    public String tokenize(String line) {
      return Arrays.stream(PythonText.codePoints(line)).collect(Collectors.joining(" "));
    }
  },
  /** The segment as given (BLEU then splits it on whitespace). */
  NONE("none") {
    @Override
    public String tokenize(String line) {
      return line;
    }
  };

  // The 13a character class: { | } ~  [ \ ] ^ _ `  space ! " # $ % &  ( ) * +  : ; < = > ? @  /
  private static final Pattern V13A_SYMBOLS = Pattern.compile("([{-~\\[-` -&(-+:-@/])");
  private static final Pattern V13A_PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
  private static final Pattern V13A_PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
  private static final Pattern V13A_DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
  // sacreBLEU: (\P{N})(\p{P}), (\p{P})(\P{N}) and (\p{S}), with Python regex's Unicode tables
  private static final Pattern INTL_PUNCT_AFTER_NON_DIGIT =
      Pattern.compile("(" + UnicodeCategories.NOT_NUMBER + ")(" + UnicodeCategories.PUNCTUATION + ")");
  private static final Pattern INTL_PUNCT_BEFORE_NON_DIGIT =
      Pattern.compile("(" + UnicodeCategories.PUNCTUATION + ")(" + UnicodeCategories.NOT_NUMBER + ")");
  private static final Pattern INTL_SYMBOL = Pattern.compile("(" + UnicodeCategories.SYMBOL + ")");

  private final String signature;

  BleuTokenizer(String signature) {
    this.signature = signature;
  }

  /** Tokenizes one segment. */
  public abstract String tokenize(String line);

  /** The name sacreBLEU uses on its command line and in signatures ({@code tok:13a}). */
  public String signature() {
    return signature;
  }

  /** The tokenizer with the given sacreBLEU name ({@code 13a}, {@code intl}, {@code char}, {@code none}). */
  public static BleuTokenizer fromName(String name) {
    for (BleuTokenizer t : values()) {
      if (t.signature.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown BLEU tokenizer '" + name + "' (expected one of 13a, intl, char, none)");
  }
}
