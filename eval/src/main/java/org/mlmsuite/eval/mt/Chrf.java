package org.mlmsuite.eval.mt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacreBLEU 2.x computes them (see
 * {@link SacreBleuSignature#VERSION}): character n-grams of orders 1..6 (whitespace removed),
 * optionally word n-grams, F-beta with beta 2. Corpus chrF is computed from summed statistics;
 * with several references each segment uses the reference with the best sentence-level F-score.
 *
 * <pre>{@code
 * ChrfScore s = Chrf.corpus(hyps, List.of(refs), ChrfOptions.chrfPlusPlus());
 * }</pre>
 */
public final class Chrf {
  private static final double EPS = 1e-16;
  /** Python's {@code string.punctuation}, which chrF++ splits off word edges. */
  private static final Set<String> ASCII_PUNCTUATION = Set.of(
      PythonText.codePoints("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));

  private Chrf() {}

  /** Corpus chrF from the summed statistics of all segments. */
  public static ChrfScore corpus(List<String> hypotheses, List<List<String>> referenceStreams, ChrfOptions options) {
    ReferenceSet refs = ReferenceSet.of(hypotheses, referenceStreams);
    List<NgramMatches> total = null;
    for (int i = 0; i < hypotheses.size(); i++) {
      List<NgramMatches> s = segmentStatistics(hypotheses.get(i), refs.perSegment().get(i), options);
      if (total == null) {
        total = s;
      } else {
        List<NgramMatches> sum = new ArrayList<>(s.size());
        for (int k = 0; k < s.size(); k++) {
          sum.add(total.get(k).plus(s.get(k)));
        }
        total = sum;
      }
    }
    return fromStatistics(total, options, refs.nrefs());
  }

  /** chrF of one segment against its references. */
  public static ChrfScore sentence(String hypothesis, List<String> references, ChrfOptions options) {
    ReferenceSet refs = ReferenceSet.ofSentence(hypothesis, references);
    return fromStatistics(segmentStatistics(hypothesis, refs.perSegment().get(0), options), options, refs.nrefs());
  }

  /** Sentence chrF of every segment of a corpus, in order. */
  public static List<ChrfScore> sentences(List<String> hypotheses, List<List<String>> referenceStreams, ChrfOptions options) {
    ReferenceSet refs = ReferenceSet.of(hypotheses, referenceStreams);
    List<ChrfScore> scores = new ArrayList<>(hypotheses.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> segmentRefs = refs.perSegment().get(i);
      scores.add(fromStatistics(segmentStatistics(hypotheses.get(i), segmentRefs, options), options,
          String.valueOf(segmentRefs.size())));
    }
    return scores;
  }

  /** chrF from (summed) statistics; {@code nrefs} only goes into the signature. */
  public static ChrfScore fromStatistics(List<NgramMatches> statistics, ChrfOptions options, String nrefs) {
    if (statistics.size() != options.charOrder() + options.wordOrder()) {
      throw new IllegalArgumentException("chrF statistics have " + statistics.size() + " orders, options want "
          + (options.charOrder() + options.wordOrder()));
    }
    String name = "chrF" + options.beta() + "+".repeat(options.wordOrder());
    return new ChrfScore(name, fScore(statistics, options), options.charOrder(), options.wordOrder(), options.beta(),
        statistics, signature(options, nrefs));
  }

  /** The statistics of one segment against the reference with the best F-score (first one on ties). */
  public static List<NgramMatches> segmentStatistics(String hypothesis, List<String> references, ChrfOptions options) {
    List<Map<String, Integer>> hypNgrams = ngrams(preprocess(hypothesis, options), options);
    List<NgramMatches> best = null;
    double bestF = -1.0;
    for (String reference : references) {
      List<Map<String, Integer>> refNgrams = ngrams(preprocess(reference, options), options);
      List<NgramMatches> stats = new ArrayList<>(hypNgrams.size());
      for (int k = 0; k < hypNgrams.size(); k++) {
        stats.add(matches(hypNgrams.get(k), refNgrams.get(k)));
      }
      double f = fScore(stats, options);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("a segment needs at least one reference");
    }
    return best;
  }

  /** The signature sacreBLEU prints for these options and reference count. */
  public static String signature(ChrfOptions options, String nrefs) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("case", options.lowercase() ? "lc" : "mixed");
    fields.put("eff", options.epsSmoothing() ? "no" : "yes");
    fields.put("nc", String.valueOf(options.charOrder()));
    fields.put("nw", String.valueOf(options.wordOrder()));
    fields.put("space", options.whitespace() ? "yes" : "no");
    return SacreBleuSignature.format(nrefs, fields);
  }

  // sacreBLEU's CHRF._compute_f_score; the operation order is kept so results agree bit for bit.
  private static double fScore(List<NgramMatches> statistics, ChrfOptions options) {
    int factor = options.beta() * options.beta();
    double score = 0.0;
    int effectiveOrder = 0;
    double avgPrec = 0.0;
    double avgRec = 0.0;
    for (NgramMatches m : statistics) {
      double prec = m.hypothesis() > 0 ? (double) m.matched() / m.hypothesis() : EPS;
      double rec = m.reference() > 0 ? (double) m.matched() / m.reference() : EPS;
      double denom = factor * prec + rec;
      score += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
      if (m.hypothesis() > 0 && m.reference() > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (options.epsSmoothing()) {
      return 100 * score / statistics.size();
    }
    if (effectiveOrder == 0) {
      avgPrec = 0.0;
      avgRec = 0.0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec == 0) {
      return 0.0;
    }
    double f = (1 + factor) * avgPrec * avgRec;
    f /= (factor * avgPrec) + avgRec;
    return 100 * f;
  }

  private static NgramMatches matches(Map<String, Integer> hyp, Map<String, Integer> ref) {
    int hypCount = 0;
    int matchCount = 0;
    for (Map.Entry<String, Integer> e : hyp.entrySet()) {
      hypCount += e.getValue();
      matchCount += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
    }
    int refCount = 0;
    for (int c : ref.values()) {
      refCount += c;
    }
    return new NgramMatches(ref.isEmpty() ? 0 : hypCount, refCount, matchCount);
  }

  private static String preprocess(String segment, ChrfOptions options) {
    return options.lowercase() ? PythonText.lower(segment) : segment;
  }

  /** Character n-gram counts for orders 1..charOrder, then word n-gram counts for orders 1..wordOrder. */
  private static List<Map<String, Integer>> ngrams(String segment, ChrfOptions options) {
    List<Map<String, Integer>> all = new ArrayList<>(options.charOrder() + options.wordOrder());
    String chars = options.whitespace() ? segment : PythonText.removeSpaces(segment);
    // offsets[i] is where code point i starts, so n-grams count code points like Python does
    int[] offsets = new int[chars.codePointCount(0, chars.length()) + 1];
    for (int i = 0, at = 0; i < offsets.length; i++) {
      offsets[i] = at;
      at = at < chars.length() ? chars.offsetByCodePoints(at, 1) : at;
    }
    int length = offsets.length - 1;
    for (int n = 1; n <= options.charOrder(); n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= length; i++) {
        counts.merge(chars.substring(offsets[i], offsets[i + n]), 1, Integer::sum);
      }
      all.add(counts);
    }
    if (options.wordOrder() > 0) {
      List<String> words = splitEdgePunctuation(segment);
      for (int n = 1; n <= options.wordOrder(); n++) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
          counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        all.add(counts);
      }
    }
    return all;
  }

  /**
   * chrF++'s word tokenization: one ASCII punctuation mark is split off the end of a word, or else
   * off its start ("(hi)" becomes "(hi" and ")", as in sacreBLEU, its issue #124).
   */
  private static List<String> splitEdgePunctuation(String segment) {
    List<String> words = new ArrayList<>();
    for (String w : PythonText.split(segment)) {
      String[] cps = PythonText.codePoints(w);
      if (cps.length == 1) {
        words.add(w);
      } else if (ASCII_PUNCTUATION.contains(cps[cps.length - 1])) {
        words.add(w.substring(0, w.length() - cps[cps.length - 1].length()));
        words.add(cps[cps.length - 1]);
      } else if (ASCII_PUNCTUATION.contains(cps[0])) {
        words.add(cps[0]);
        words.add(w.substring(cps[0].length()));
      } else {
        words.add(w);
      }
    }
    return words;
  }
}
