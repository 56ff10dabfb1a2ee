package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with sacreBLEU 2.6.0 beyond its own test suite: every tokenizer on non-ASCII
 * punctuation, symbols, entities, digits and Python-only whitespace; BLEU and chrF under every
 * option with one, two and a variable number of references. Expected figures, signatures and text
 * lines were produced by running sacreBLEU 2.6.0 (Python 3.11) on these inputs; the raw BLEU
 * counts are those of the same configuration without smoothing (sacreBLEU reports add-k counts
 * with k already added).
 */
class SacreBleuParityTest {
  private static final double TOLERANCE = 1e-12;

  private static final List<String> HYPS = Arrays.asList("Der Hund biss den Mann.", "Es war nicht \u00fcberraschend!", "Der Mann hatte ihn zuerst gebissen \u2014 \u201ewirklich\u201c?", "\u00dcBER 1.000 Menschen kamen; 10,5 % mehr als 2019.");
  private static final List<String> REF1 = Arrays.asList("Der Hund hat den Mann gebissen.", "Es war nicht unerwartet.", "Der Mann biss ihn zuerst.", "\u00dcber 1.000 Menschen kamen, 10,5 % mehr als 2019.");
  private static final List<String> REF2_FULL = Arrays.asList("Der Hund biss den Mann!", "Niemand war \u00fcberrascht.", "Der Mann hatte zuerst gebissen.", "Mehr als 1.000 Menschen kamen.");
  private static final List<String> REF2_GAPPED = Arrays.asList("Der Hund biss den Mann!", null, "Der Mann hatte zuerst gebissen.", "Mehr als 1.000 Menschen kamen.");
  private static final List<List<String>> ONE = List.of(REF1);
  private static final List<List<String>> TWO = List.of(REF1, REF2_FULL);
  private static final List<List<String>> VAR = List.of(REF1, REF2_GAPPED);

  static Stream<Arguments> tokenizerCases() {
    return Stream.of(
      Arguments.of("Hello, world! It's 3.14 or 1,000-2,000 (approx.) & \"quoted\" <b>x</b>.",
          "Hello , world ! It's 3.14 or 1,000 - 2,000 ( approx . ) & \" quoted \" < b > x < / b > .",
          "Hello , world ! It ' s 3.14 or 1,000-2,000 ( approx . ) & \" quoted \" < b > x < / b > .",
          "H e l l o ,   w o r l d !   I t ' s   3 . 1 4   o r   1 , 0 0 0 - 2 , 0 0 0   ( a p p r o x . )   &   \" q u o t e d \"   < b > x < / b > ."),
      Arguments.of("&quot;Tom&quot; &amp; &lt;Jerry&gt; <skipped> dash-\nnext",
          "\" Tom \" & < Jerry > dashnext",
          "& quot ; Tom & quot ; & amp ; & lt ; Jerry & gt ; < skipped > dash - next",
          "& q u o t ; T o m & q u o t ;   & a m p ;   & l t ; J e r r y & g t ;   < s k i p p e d >   d a s h - \n n e x t"),
      Arguments.of("\u00bfQu\u00e9 tal? \u00abTr\u00e8s bien\u00bb, dit-il\u2026 10,5 \u20ac \u2014 ok!",
          "\u00bfQu\u00e9 tal ? \u00abTr\u00e8s bien\u00bb , dit-il\u2026 10,5 \u20ac \u2014 ok !",
          "\u00bf Qu\u00e9 tal ? \u00ab Tr\u00e8s bien \u00bb , dit - il \u2026 10,5 \u20ac \u2014 ok !",
          "\u00bf Q u \u00e9   t a l ?   \u00ab T r \u00e8 s   b i e n \u00bb ,   d i t - i l \u2026   1 0 , 5   \u20ac   \u2014   o k !"),
      Arguments.of("Der Preis: 1.234,56 \u20ac; Anfang 2020. Ende.",
          "Der Preis : 1.234,56 \u20ac ; Anfang 2020 . Ende .",
          "Der Preis : 1.234,56 \u20ac ; Anfang 2020 . Ende .",
          "D e r   P r e i s :   1 . 2 3 4 , 5 6   \u20ac ;   A n f a n g   2 0 2 0 .   E n d e ."),
      Arguments.of("\u65e5\u672c\u8a9e\u306e\u6587\u7ae0\u3002\u300c\u5f15\u7528\u300d\u3067\u3059\uff01",
          "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0\u3002\u300c\u5f15\u7528\u300d\u3067\u3059\uff01",
          "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0 \u3002 \u300c \u5f15\u7528 \u300d \u3067\u3059 \uff01",
          "\u65e5 \u672c \u8a9e \u306e \u6587 \u7ae0 \u3002 \u300c \u5f15 \u7528 \u300d \u3067 \u3059 \uff01"),
      Arguments.of("emoji \ud83d\ude00 + math \u2211 \u2264 5 \u00b0 \u00a92024 \u00a5100",
          "emoji \ud83d\ude00 + math \u2211 \u2264 5 \u00b0 \u00a92024 \u00a5100",
          "emoji \ud83d\ude00 + math \u2211 \u2264 5 \u00b0 \u00a9 2024 \u00a5 100",
          "e m o j i   \ud83d\ude00   +   m a t h   \u2211   \u2264   5   \u00b0   \u00a9 2 0 2 4   \u00a5 1 0 0"),
      Arguments.of("tab\tand\u00a0nbsp and\u2007figure\u202fnarrow end \u3000",
          "tab and nbsp and figure narrow end",
          "tab and nbsp and figure narrow end",
          "t a b \t a n d \u00a0 n b s p   a n d \u2007 f i g u r e \u202f n a r r o w   e n d   \u3000"),
      Arguments.of("x.y,z 3-4 a-b 5. 6, .7 ,8",
          "x . y , z 3 - 4 a-b 5 . 6 , . 7 , 8",
          "x . y , z 3-4 a - b 5 . 6 , . 7 , 8",
          "x . y , z   3 - 4   a - b   5 .   6 ,   . 7   , 8"));
  }

  @ParameterizedTest
  @MethodSource("tokenizerCases")
  void tokenizersSplitLikeSacreBleu(String line, String v13a, String intl, String chars) {
    assertEquals(v13a, BleuTokenizer.THIRTEEN_A.tokenize(line), "13a");
    assertEquals(intl, BleuTokenizer.INTL.tokenize(line), "intl");
    assertEquals(chars, BleuTokenizer.CHAR.tokenize(line), "char");
  }

  static Stream<Arguments> corpusBleuCases() {
    return Stream.of(
        Arguments.of(ONE, BleuOptions.corpusDefaults(), 34.045292070828545, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 34.05 67.7/48.1/26.1/15.8 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")), 27.33162784822734, List.of(20, 12, 5, 2), List.of(32, 28, 24, 20), 32, 28,
            "nrefs:1|case:mixed|eff:no|tok:intl|smooth:exp|version:2.6.0", "BLEU = 27.33 62.5/42.9/20.8/10.0 (BP = 1.000 ratio = 1.143 hyp_len = 32 ref_len = 28)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("char")), 60.58580309725521, List.of(91, 76, 65, 56), List.of(123, 119, 115, 111), 123, 108,
            "nrefs:1|case:mixed|eff:no|tok:char|smooth:exp|version:2.6.0", "BLEU = 60.59 74.0/63.9/56.5/50.5 (BP = 1.000 ratio = 1.139 hyp_len = 123 ref_len = 108)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("none")), 29.89950354998137, List.of(16, 9, 4, 2), List.of(26, 22, 18, 14), 26, 24,
            "nrefs:1|case:mixed|eff:no|tok:none|smooth:exp|version:2.6.0", "BLEU = 29.90 61.5/40.9/22.2/14.3 (BP = 1.000 ratio = 1.083 hyp_len = 26 ref_len = 24)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withLowercase(true), 39.18550636650442, List.of(22, 14, 7, 4), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:lc|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 39.19 71.0/51.9/30.4/21.1 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), null), 37.49178344090039, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:add-k[1.00]|version:2.6.0", "BLEU = 37.49 67.7/50.0/29.2/20.0 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), 2.5), 41.73905042173761, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:add-k[2.50]|version:2.6.0", "BLEU = 41.74 67.7/52.5/33.3/25.6 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("floor"), 0.2), 34.045292070828545, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:floor[0.20]|version:2.6.0", "BLEU = 34.05 67.7/48.1/26.1/15.8 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("none"), null), 34.045292070828545, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:none|version:2.6.0", "BLEU = 34.05 67.7/48.1/26.1/15.8 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withEffectiveOrder(true), 34.045292070828545, List.of(21, 13, 6, 3), List.of(31, 27, 23, 19), 31, 29,
            "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", "BLEU = 34.05 67.7/48.1/26.1/15.8 (BP = 1.000 ratio = 1.069 hyp_len = 31 ref_len = 29)"),
        Arguments.of(ONE, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")).withLowercase(true).withSmoothing(SmoothMethod.fromName("floor"), null), 32.69425730966284, List.of(21, 13, 6, 3), List.of(32, 28, 24, 20), 32, 28,
            "nrefs:1|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0", "BLEU = 32.69 65.6/46.4/25.0/15.0 (BP = 1.000 ratio = 1.143 hyp_len = 32 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults(), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")), 41.89384948943769, List.of(23, 16, 9, 4), List.of(32, 28, 24, 20), 32, 27,
            "nrefs:2|case:mixed|eff:no|tok:intl|smooth:exp|version:2.6.0", "BLEU = 41.89 71.9/57.1/37.5/20.0 (BP = 1.000 ratio = 1.185 hyp_len = 32 ref_len = 27)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("char")), 77.32062069270721, List.of(101, 95, 87, 80), List.of(123, 119, 115, 111), 123, 107,
            "nrefs:2|case:mixed|eff:no|tok:char|smooth:exp|version:2.6.0", "BLEU = 77.32 82.1/79.8/75.7/72.1 (BP = 1.000 ratio = 1.150 hyp_len = 123 ref_len = 107)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("none")), 42.69130130345194, List.of(19, 12, 7, 3), List.of(26, 22, 18, 14), 26, 23,
            "nrefs:2|case:mixed|eff:no|tok:none|smooth:exp|version:2.6.0", "BLEU = 42.69 73.1/54.5/38.9/21.4 (BP = 1.000 ratio = 1.130 hyp_len = 26 ref_len = 23)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withLowercase(true), 53.38108398869183, List.of(25, 18, 11, 6), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:lc|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 53.38 80.6/66.7/47.8/31.6 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), null), 51.14658950932551, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:add-k[1.00]|version:2.6.0", "BLEU = 51.15 77.4/64.3/45.8/30.0 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), 2.5), 54.38932823124795, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:add-k[2.50]|version:2.6.0", "BLEU = 54.39 77.4/66.1/49.0/34.9 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("floor"), 0.2), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:floor[0.20]|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("none"), null), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:none|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withEffectiveOrder(true), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(TWO, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")).withLowercase(true).withSmoothing(SmoothMethod.fromName("floor"), null), 46.66811185237897, List.of(24, 17, 10, 5), List.of(32, 28, 24, 20), 32, 27,
            "nrefs:2|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0", "BLEU = 46.67 75.0/60.7/41.7/25.0 (BP = 1.000 ratio = 1.185 hyp_len = 32 ref_len = 27)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults(), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")), 41.89384948943769, List.of(23, 16, 9, 4), List.of(32, 28, 24, 20), 32, 27,
            "nrefs:var|case:mixed|eff:no|tok:intl|smooth:exp|version:2.6.0", "BLEU = 41.89 71.9/57.1/37.5/20.0 (BP = 1.000 ratio = 1.185 hyp_len = 32 ref_len = 27)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("char")), 72.30018201838534, List.of(98, 88, 80, 74), List.of(123, 119, 115, 111), 123, 107,
            "nrefs:var|case:mixed|eff:no|tok:char|smooth:exp|version:2.6.0", "BLEU = 72.30 79.7/73.9/69.6/66.7 (BP = 1.000 ratio = 1.150 hyp_len = 123 ref_len = 107)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("none")), 42.69130130345194, List.of(19, 12, 7, 3), List.of(26, 22, 18, 14), 26, 23,
            "nrefs:var|case:mixed|eff:no|tok:none|smooth:exp|version:2.6.0", "BLEU = 42.69 73.1/54.5/38.9/21.4 (BP = 1.000 ratio = 1.130 hyp_len = 26 ref_len = 23)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withLowercase(true), 53.38108398869183, List.of(25, 18, 11, 6), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:lc|eff:no|tok:13a|smooth:exp|version:2.6.0", "BLEU = 53.38 80.6/66.7/47.8/31.6 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), null), 51.14658950932551, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:add-k[1.00]|version:2.6.0", "BLEU = 51.15 77.4/64.3/45.8/30.0 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("add-k"), 2.5), 54.38932823124795, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:add-k[2.50]|version:2.6.0", "BLEU = 54.39 77.4/66.1/49.0/34.9 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("floor"), 0.2), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:floor[0.20]|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withSmoothing(SmoothMethod.fromName("none"), null), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:none|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withEffectiveOrder(true), 48.59659246453524, List.of(24, 17, 10, 5), List.of(31, 27, 23, 19), 31, 28,
            "nrefs:var|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", "BLEU = 48.60 77.4/63.0/43.5/26.3 (BP = 1.000 ratio = 1.107 hyp_len = 31 ref_len = 28)"),
        Arguments.of(VAR, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.fromName("intl")).withLowercase(true).withSmoothing(SmoothMethod.fromName("floor"), null), 46.66811185237897, List.of(24, 17, 10, 5), List.of(32, 28, 24, 20), 32, 27,
            "nrefs:var|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0", "BLEU = 46.67 75.0/60.7/41.7/25.0 (BP = 1.000 ratio = 1.185 hyp_len = 32 ref_len = 27)"));
  }

  @ParameterizedTest
  @MethodSource("corpusBleuCases")
  void corpusBleu(List<List<String>> refs, BleuOptions options, double score, List<Integer> counts, List<Integer> totals,
      int sysLen, int refLen, String signature, String line) {
    BleuScore s = Bleu.corpus(HYPS, refs, options);
    assertEquals(score, s.score(), TOLERANCE);
    assertEquals(counts, s.counts());
    assertEquals(totals, s.totals());
    assertEquals(sysLen, s.sysLen());
    assertEquals(refLen, s.refLen());
    assertEquals(signature, s.signature());
    assertEquals(line, s.format(2));
  }

  static Stream<Arguments> corpusChrfCases() {
    return Stream.of(
        Arguments.of(ONE, ChrfOptions.chrf(), 61.019582206590236, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", "chrF2 = 61.02"),
        Arguments.of(ONE, ChrfOptions.chrf().withWordOrder(2), 61.10065848509252, "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 61.10"),
        Arguments.of(ONE, ChrfOptions.chrf().withWordOrder(2).withLowercase(true), 64.89000830814392, "nrefs:1|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 64.89"),
        Arguments.of(ONE, ChrfOptions.chrf().withWhitespace(true), 66.55430579767767, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:yes|version:2.6.0", "chrF2 = 66.55"),
        Arguments.of(ONE, ChrfOptions.chrf().withWordOrder(2).withEpsSmoothing(true), 61.09023425058343, "nrefs:1|case:mixed|eff:no|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 61.09"),
        Arguments.of(ONE, ChrfOptions.chrf().withCharOrder(4).withWordOrder(1).withBeta(1), 66.31801530846879, "nrefs:1|case:mixed|eff:yes|nc:4|nw:1|space:no|version:2.6.0", "chrF1+ = 66.32"),
        Arguments.of(TWO, ChrfOptions.chrf(), 74.80917641123813, "nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", "chrF2 = 74.81"),
        Arguments.of(TWO, ChrfOptions.chrf().withWordOrder(2), 73.78435356422058, "nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 73.78"),
        Arguments.of(TWO, ChrfOptions.chrf().withWordOrder(2).withLowercase(true), 77.62446106192638, "nrefs:2|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 77.62"),
        Arguments.of(TWO, ChrfOptions.chrf().withWhitespace(true), 79.13404561543162, "nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:yes|version:2.6.0", "chrF2 = 79.13"),
        Arguments.of(TWO, ChrfOptions.chrf().withWordOrder(2).withEpsSmoothing(true), 73.77879052618873, "nrefs:2|case:mixed|eff:no|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 73.78"),
        Arguments.of(TWO, ChrfOptions.chrf().withCharOrder(4).withWordOrder(1).withBeta(1), 74.93157122690371, "nrefs:2|case:mixed|eff:yes|nc:4|nw:1|space:no|version:2.6.0", "chrF1+ = 74.93"),
        Arguments.of(VAR, ChrfOptions.chrf(), 74.712412815159, "nrefs:var|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", "chrF2 = 74.71"),
        Arguments.of(VAR, ChrfOptions.chrf().withWordOrder(2), 73.78435356422058, "nrefs:var|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 73.78"),
        Arguments.of(VAR, ChrfOptions.chrf().withWordOrder(2).withLowercase(true), 77.62446106192638, "nrefs:var|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 77.62"),
        Arguments.of(VAR, ChrfOptions.chrf().withWhitespace(true), 79.13404561543162, "nrefs:var|case:mixed|eff:yes|nc:6|nw:0|space:yes|version:2.6.0", "chrF2 = 79.13"),
        Arguments.of(VAR, ChrfOptions.chrf().withWordOrder(2).withEpsSmoothing(true), 73.77879052618873, "nrefs:var|case:mixed|eff:no|nc:6|nw:2|space:no|version:2.6.0", "chrF2++ = 73.78"),
        Arguments.of(VAR, ChrfOptions.chrf().withCharOrder(4).withWordOrder(1).withBeta(1), 74.93157122690371, "nrefs:var|case:mixed|eff:yes|nc:4|nw:1|space:no|version:2.6.0", "chrF1+ = 74.93"));
  }

  @ParameterizedTest
  @MethodSource("corpusChrfCases")
  void corpusChrf(List<List<String>> refs, ChrfOptions options, double score, String signature, String line) {
    ChrfScore s = Chrf.corpus(HYPS, refs, options);
    assertEquals(score, s.score(), TOLERANCE);
    assertEquals(signature, s.signature());
    assertEquals(line, s.format(2));
  }

  static Stream<Arguments> sentenceCases() {
    return Stream.of(
        Arguments.of(0, 79.52707287670508, List.of(6, 4, 3, 2), List.of(6, 5, 4, 3), 6, 6, "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", 90.82159289154258, "nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"),
        Arguments.of(1, 39.76353643835252, List.of(3, 2, 1, 0), List.of(5, 4, 3, 2), 5, 5, "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", 47.27165356222221, "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"),
        Arguments.of(2, 25.098621243978968, List.of(6, 4, 1, 0), List.of(9, 8, 7, 6), 9, 6, "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", 73.5062801381109, "nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"),
        Arguments.of(3, 58.77283725105324, List.of(9, 7, 5, 3), List.of(11, 10, 9, 8), 11, 11, "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", 79.10243295111717, "nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"));
  }

  /** sacreBLEU's sentence_score with BLEU(effective_order=True) and CHRF(word_order=2), gaps in REF2 skipped. */
  @ParameterizedTest
  @MethodSource("sentenceCases")
  void sentenceBleuAndChrfPlusPlus(int i, double bleu, List<Integer> counts, List<Integer> totals, int sysLen, int refLen,
      String bleuSignature, double chrf, String chrfSignature) {
    List<String> refs = REF2_GAPPED.get(i) == null ? List.of(REF1.get(i)) : List.of(REF1.get(i), REF2_GAPPED.get(i));
    BleuScore b = Bleu.sentence(HYPS.get(i), refs, BleuOptions.sentenceDefaults());
    assertEquals(bleu, b.score(), TOLERANCE);
    assertEquals(counts, b.counts());
    assertEquals(totals, b.totals());
    assertEquals(sysLen, b.sysLen());
    assertEquals(refLen, b.refLen());
    assertEquals(bleuSignature, b.signature());
    ChrfScore c = Chrf.sentence(HYPS.get(i), refs, ChrfOptions.chrfPlusPlus());
    assertEquals(chrf, c.score(), TOLERANCE);
    assertEquals(chrfSignature, c.signature());
    // the per-segment API agrees with the one-sentence API
    assertEquals(b, Bleu.sentences(HYPS, VAR, BleuOptions.sentenceDefaults()).get(i));
    assertEquals(c, Chrf.sentences(HYPS, VAR, ChrfOptions.chrfPlusPlus()).get(i));
  }
}
