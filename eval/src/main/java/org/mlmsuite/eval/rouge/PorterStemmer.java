package org.mlmsuite.eval.rouge;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Porter (1980) suffix-stripping stemmer, reproducing NLTK's {@code nltk.stem.porter.PorterStemmer}
 * in two of its modes, so that stemmed ROUGE matches Google's {@code rouge-score} token for token.
 *
 * <p>{@code rouge-score} constructs {@code PorterStemmer()} with no argument, i.e. NLTK's default
 * {@link Mode#NLTK_EXTENSIONS}; {@link Mode#ORIGINAL_ALGORITHM} is the published algorithm as NLTK
 * implements it. The step comments give the rules in the paper's notation.
 */
public final class PorterStemmer {

  /** Which of NLTK's variants to reproduce. */
  public enum Mode {
    /** The algorithm as published in the 1980 paper. */
    ORIGINAL_ALGORITHM,
    /** NLTK's default, used by rouge-score: the original plus Porter's and NLTK's later fixes. */
    NLTK_EXTENSIONS
  }

  /** Irregular forms that NLTK_EXTENSIONS maps directly (word -> stem). */
  private static final Map<String, String> IRREGULAR = irregularForms();

  private final Mode mode;

  public PorterStemmer(Mode mode) {
    this.mode = mode;
  }

  /** The stemmer rouge-score uses. */
  public static PorterStemmer forRouge() {
    return new PorterStemmer(Mode.NLTK_EXTENSIONS);
  }

  public Mode mode() {
    return mode;
  }

  public String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (nltk() && IRREGULAR.containsKey(w)) {
      return IRREGULAR.get(w);
    }
    if (nltk() && word.length() <= 2) {
      return w;
    }
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    return step5b(w);
  }

  private boolean nltk() {
    return mode == Mode.NLTK_EXTENSIONS;
  }

  // ---- letter classes and the measure m -------------------------------------------------------

  private static boolean isVowelLetter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** A 'y' is a consonant at the start or after a vowel, a vowel after a consonant. */
  static boolean isConsonant(CharSequence s, int i) {
    char c = s.charAt(i);
    if (isVowelLetter(c)) {
      return false;
    }
    if (c != 'y') {
      return true;
    }
    int j = i;
    while (j > 0 && s.charAt(j) == 'y') {
      j--;
    }
    boolean anchor = s.charAt(j) == 'y' || !isVowelLetter(s.charAt(j));
    return ((i - j) % 2 == 0) == anchor;
  }

  /** m in [C](VC){m}[V]: the number of vowel-to-consonant transitions. */
  static int measure(CharSequence s) {
    int m = 0;
    boolean previousVowel = false;
    for (int i = 0; i < s.length(); i++) {
      boolean consonant = isConsonant(s, i);
      if (consonant && previousVowel) {
        m++;
      }
      previousVowel = !consonant;
    }
    return m;
  }

  private static boolean containsVowel(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isConsonant(s, i)) {
        return true;
      }
    }
    return false;
  }

  /** *d: ends with a double consonant. */
  private static boolean endsDoubleConsonant(String w) {
    int n = w.length();
    return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
  }

  /** *o: ends consonant-vowel-consonant, the last not w, x or y (NLTK also accepts a 2-letter vc). */
  private boolean endsCvc(String w) {
    int n = w.length();
    if (n >= 3
        && isConsonant(w, n - 3)
        && !isConsonant(w, n - 2)
        && isConsonant(w, n - 1)
        && "wxy".indexOf(w.charAt(n - 1)) < 0) {
      return true;
    }
    return nltk() && n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
  }

  // ---- rule lists ------------------------------------------------------------------------------

  private interface StemCondition {
    boolean holds(String stem);
  }

  private record Rule(String suffix, String replacement, StemCondition condition) {}

  private static final StemCondition M_GT_0 = stem -> measure(stem) > 0;
  private static final StemCondition M_GT_1 = stem -> measure(stem) > 1;
  private static final StemCondition ALWAYS = stem -> true;

  /**
   * The first rule whose suffix the word ends with decides: its replacement if the condition holds
   * on the remaining stem, otherwise the word unchanged (later rules are not tried).
   */
  private static String applyFirstMatching(String word, Rule... rules) {
    for (Rule rule : rules) {
      if (word.endsWith(rule.suffix())) {
        String stem = word.substring(0, word.length() - rule.suffix().length());
        return rule.condition().holds(stem) ? stem + rule.replacement() : word;
      }
    }
    return word;
  }

  // ---- the steps -------------------------------------------------------------------------------

  /** SSES -> SS, IES -> I, SS -> SS, S -> (NLTK: 4-letter "-ies" -> "-ie", so dies -> die). */
  private String step1a(String w) {
    if (nltk() && w.length() == 4 && w.endsWith("ies")) {
      return w.substring(0, 1) + "ie";
    }
    return applyFirstMatching(w,
        new Rule("sses", "ss", ALWAYS),
        new Rule("ies", "i", ALWAYS),
        new Rule("ss", "ss", ALWAYS),
        new Rule("s", "", ALWAYS));
  }

  /** (m>0) EED -> EE; (*v*) ED -> ; (*v*) ING -> ; then the tidy-up of the remaining stem. */
  private String step1b(String w) {
    if (nltk() && w.endsWith("ied")) {
      return w.substring(0, w.length() - 3) + (w.length() == 4 ? "ie" : "i");
    }
    if (w.endsWith("eed")) {
      String stem = w.substring(0, w.length() - 3);
      return measure(stem) > 0 ? stem + "ee" : w;
    }
    String stem = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (w.endsWith(suffix)) {
        String candidate = w.substring(0, w.length() - suffix.length());
        if (containsVowel(candidate)) {
          stem = candidate;
          break;
        }
      }
    }
    if (stem == null) {
      return w;
    }
    if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
      return stem + "e";
    }
    if (endsDoubleConsonant(stem)) {
      char last = stem.charAt(stem.length() - 1);
      return "lsz".indexOf(last) < 0 ? stem.substring(0, stem.length() - 1) : stem;
    }
    return measure(stem) == 1 && endsCvc(stem) ? stem + "e" : stem;
  }

  /** (*v*) Y -> I; NLTK instead requires a consonant before the y and a stem longer than one letter. */
  private String step1c(String w) {
    if (!w.endsWith("y")) {
      return w;
    }
    String stem = w.substring(0, w.length() - 1);
    boolean applies = nltk()
        ? stem.length() > 1 && isConsonant(stem, stem.length() - 1)
        : containsVowel(stem);
    return applies ? stem + "i" : w;
  }

  private String step2(String w) {
    if (nltk() && w.endsWith("alli") && measure(w.substring(0, w.length() - 4)) > 0) {
      // NLTK applies ALLI -> AL first and runs step 2 again on the result.
      return step2(w.substring(0, w.length() - 4) + "al");
    }
    Rule bli = nltk() ? new Rule("bli", "ble", M_GT_0) : new Rule("abli", "able", M_GT_0);
    Rule[] common = {
        new Rule("ational", "ate", M_GT_0),
        new Rule("tional", "tion", M_GT_0),
        new Rule("enci", "ence", M_GT_0),
        new Rule("anci", "ance", M_GT_0),
        new Rule("izer", "ize", M_GT_0),
        bli,
        new Rule("alli", "al", M_GT_0),
        new Rule("entli", "ent", M_GT_0),
        new Rule("eli", "e", M_GT_0),
        new Rule("ousli", "ous", M_GT_0),
        new Rule("ization", "ize", M_GT_0),
        new Rule("ation", "ate", M_GT_0),
        new Rule("ator", "ate", M_GT_0),
        new Rule("alism", "al", M_GT_0),
        new Rule("iveness", "ive", M_GT_0),
        new Rule("fulness", "ful", M_GT_0),
        new Rule("ousness", "ous", M_GT_0),
        new Rule("aliti", "al", M_GT_0),
        new Rule("iviti", "ive", M_GT_0),
        new Rule("biliti", "ble", M_GT_0),
    };
    if (!nltk()) {
      return applyFirstMatching(w, common);
    }
    Rule[] extended = java.util.Arrays.copyOf(common, common.length + 2);
    extended[common.length] = new Rule("fulli", "ful", M_GT_0);
    // The 'l' of "logi" stays with the stem for the measure, so geology -> geolog like archaeology.
    extended[common.length + 1] = new Rule("logi", "log", stem -> measure(w.substring(0, w.length() - 3)) > 0);
    return applyFirstMatching(w, extended);
  }

  private static String step3(String w) {
    return applyFirstMatching(w,
        new Rule("icate", "ic", M_GT_0),
        new Rule("ative", "", M_GT_0),
        new Rule("alize", "al", M_GT_0),
        new Rule("iciti", "ic", M_GT_0),
        new Rule("ical", "ic", M_GT_0),
        new Rule("ful", "", M_GT_0),
        new Rule("ness", "", M_GT_0));
  }

  private static String step4(String w) {
    return applyFirstMatching(w,
        new Rule("al", "", M_GT_1),
        new Rule("ance", "", M_GT_1),
        new Rule("ence", "", M_GT_1),
        new Rule("er", "", M_GT_1),
        new Rule("ic", "", M_GT_1),
        new Rule("able", "", M_GT_1),
        new Rule("ible", "", M_GT_1),
        new Rule("ant", "", M_GT_1),
        new Rule("ement", "", M_GT_1),
        new Rule("ment", "", M_GT_1),
        new Rule("ent", "", M_GT_1),
        new Rule("ion", "", stem -> measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))),
        new Rule("ou", "", M_GT_1),
        new Rule("ism", "", M_GT_1),
        new Rule("ate", "", M_GT_1),
        new Rule("iti", "", M_GT_1),
        new Rule("ous", "", M_GT_1),
        new Rule("ive", "", M_GT_1),
        new Rule("ize", "", M_GT_1));
  }

  /** (m>1) E -> ; (m=1 and not *o) E -> . Both conditions are tried, unlike a rule list. */
  private String step5a(String w) {
    if (!w.endsWith("e")) {
      return w;
    }
    String stem = w.substring(0, w.length() - 1);
    int m = measure(stem);
    return m > 1 || (m == 1 && !endsCvc(stem)) ? stem : w;
  }

  /** (m>1 and *d and *L) -> single letter; m is taken over the word less its final l. */
  private static String step5b(String w) {
    if (w.endsWith("ll") && measure(w.substring(0, w.length() - 1)) > 1) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static Map<String, String> irregularForms() {
    Map<String, String> forms = new HashMap<>();
    String[][] table = {
        {"sky", "sky", "skies"},
        {"die", "dying"},
        {"lie", "lying"},
        {"tie", "tying"},
        {"news", "news"},
        {"inning", "innings", "inning"},
        {"outing", "outings", "outing"},
        {"canning", "cannings", "canning"},
        {"howe", "howe"},
        {"proceed", "proceed"},
        {"exceed", "exceed"},
        {"succeed", "succeed"},
    };
    for (String[] row : table) {
      for (int i = 1; i < row.length; i++) {
        forms.put(row[i], row[0]);
      }
    }
    return Map.copyOf(forms);
  }
}
