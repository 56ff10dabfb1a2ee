package org.mlmsuite.eval.mt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} behaviours sacreBLEU's figures depend on, so our scores match to the
 * last digit: Python's notion of whitespace (wider than {@link Character#isWhitespace}: it includes
 * no-break spaces and U+0085), {@code split()}, {@code rstrip()}, {@code lower()}, code-point
 * indexing and {@code f"{x:.nf}"} formatting (round-half-even on the exact binary value).
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x0085;
  }

  /** Python's {@code s.split()}: runs of whitespace separate tokens, no empty tokens. */
  static List<String> split(String s) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          tokens.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(s.substring(start));
    }
    return tokens;
  }

  /** Python's {@code ' '.join(s.split())}. */
  static String normalizeSpaces(String s) {
    return String.join(" ", split(s));
  }

  /** Python's {@code ''.join(s.split())}. */
  static String removeSpaces(String s) {
    return String.join("", split(s));
  }

  /** Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.lower()} (full Unicode mapping, locale-independent). */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The code points of {@code s}; Python indexes strings by code point, not UTF-16 unit. */
  static String[] codePoints(String s) {
    return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
  }

  /** Python's {@code f"{x:.{digits}f}"}. */
  static String fixed(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
    }
    String text = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return (x < 0 || (x == 0 && 1 / x < 0)) && !text.startsWith("-") ? "-" + text : text;
  }
}
