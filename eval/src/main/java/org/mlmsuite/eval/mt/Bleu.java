package org.mlmsuite.eval.mt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU (Papineni et al., 2002) exactly as sacreBLEU 2.x computes it (see
 * {@link SacreBleuSignature#VERSION}). References come as streams, each aligned with the
 * hypotheses, like sacreBLEU's {@code corpus_score(hyps, [ref_stream1, ref_stream2])}.
 *
 * <pre>{@code
 * BleuScore s = Bleu.corpus(hyps, List.of(refs), BleuOptions.corpusDefaults());
 * BleuScore one = Bleu.sentence(hyp, List.of(ref), BleuOptions.sentenceDefaults());
 * }</pre>
 */
public final class Bleu {
  /** sacreBLEU's {@code my_log(0)}: a floor that drives the geometric mean to 0 without -inf. */
  private static final double LOG_OF_ZERO = -9999999999.0;

  private Bleu() {}

  /** Corpus BLEU from the summed statistics of all segments. */
  public static BleuScore corpus(List<String> hypotheses, List<List<String>> referenceStreams, BleuOptions options) {
    ReferenceSet refs = ReferenceSet.of(hypotheses, referenceStreams);
    BleuStatistics total = null;
    for (int i = 0; i < hypotheses.size(); i++) {
      BleuStatistics s = segmentStatistics(hypotheses.get(i), refs.perSegment().get(i), options);
      total = total == null ? s : total.plus(s);
    }
    return fromStatistics(total, options, refs.nrefs());
  }

  /** BLEU of one segment against its references (use {@link BleuOptions#sentenceDefaults()}). */
  public static BleuScore sentence(String hypothesis, List<String> references, BleuOptions options) {
    ReferenceSet refs = ReferenceSet.ofSentence(hypothesis, references);
    return fromStatistics(segmentStatistics(hypothesis, refs.perSegment().get(0), options), options, refs.nrefs());
  }

  /** Sentence BLEU of every segment of a corpus, in order. */
  public static List<BleuScore> sentences(List<String> hypotheses, List<List<String>> referenceStreams, BleuOptions options) {
    ReferenceSet refs = ReferenceSet.of(hypotheses, referenceStreams);
    List<BleuScore> scores = new ArrayList<>(hypotheses.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> segmentRefs = refs.perSegment().get(i);
      BleuStatistics s = segmentStatistics(hypotheses.get(i), segmentRefs, options);
      scores.add(fromStatistics(s, options, String.valueOf(segmentRefs.size())));
    }
    return scores;
  }

  /**
   * BLEU from (summed) statistics, as sacreBLEU's {@code BLEU.compute_bleu}. {@code nrefs} only
   * goes into the signature ("1", "2", ... or "var").
   */
  public static BleuScore fromStatistics(BleuStatistics stats, BleuOptions options, String nrefs) {
    int maxOrder = options.maxNgramOrder();
    if (stats.maxNgramOrder() != maxOrder) {
      throw new IllegalArgumentException("statistics have " + stats.maxNgramOrder() + " n-gram orders, options want " + maxOrder);
    }
    double smoothValue = options.resolvedSmoothValue() == null ? 0.0 : options.resolvedSmoothValue();
    double[] correct = new double[maxOrder];
    double[] total = new double[maxOrder];
    boolean anyMatch = false;
    for (int n = 0; n < maxOrder; n++) {
      correct[n] = stats.matches().get(n);
      total[n] = stats.totals().get(n);
      anyMatch |= correct[n] != 0;
    }
    int sysLen = stats.sysLen();
    int refLen = stats.refLen();
    double bp = 1.0;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    }
    double[] precisions = new double[maxOrder];
    double score = 0.0;
    // Without a single match sacreBLEU returns 0 before smoothing (its issue #141).
    if (anyMatch) {
      double smoothMteval = 1.0;
      int effectiveOrder = maxOrder;
      for (int n = 1; n <= maxOrder; n++) {
        if (options.smoothMethod() == SmoothMethod.ADD_K && n > 1) {
          correct[n - 1] += smoothValue;
          total[n - 1] += smoothValue;
        }
        if (total[n - 1] == 0) {
          break;
        }
        if (options.effectiveOrder()) {
          effectiveOrder = n;
        }
        if (correct[n - 1] == 0) {
          if (options.smoothMethod() == SmoothMethod.EXP) {
            smoothMteval *= 2;
            precisions[n - 1] = 100. / (smoothMteval * total[n - 1]);
          } else if (options.smoothMethod() == SmoothMethod.FLOOR) {
            precisions[n - 1] = 100. * smoothValue / total[n - 1];
          }
        } else {
          precisions[n - 1] = 100. * correct[n - 1] / total[n - 1];
        }
      }
      double logSum = 0.0;
      for (int n = 0; n < effectiveOrder; n++) {
        logSum += precisions[n] == 0.0 ? LOG_OF_ZERO : Math.log(precisions[n]);
      }
      score = bp * Math.exp(logSum / effectiveOrder);
    }
    List<Double> precisionList = new ArrayList<>(maxOrder);
    for (double p : precisions) {
      precisionList.add(p);
    }
    double ratio = refLen != 0 ? (double) sysLen / refLen : 0;
    return new BleuScore(score, stats.matches(), stats.totals(), precisionList, bp, ratio, sysLen, refLen,
        signature(options, nrefs));
  }

  /** The statistics of one segment against its references (closest reference length, max-clipped counts). */
  public static BleuStatistics segmentStatistics(String hypothesis, List<String> references, BleuOptions options) {
    int maxOrder = options.maxNgramOrder();
    Map<String, Integer>[] refNgrams = null;
    List<Integer> refLens = new ArrayList<>(references.size());
    for (String ref : references) {
      List<String> tokens = PythonText.split(preprocess(ref, options));
      refLens.add(tokens.size());
      Map<String, Integer>[] counts = ngrams(tokens, maxOrder);
      if (refNgrams == null) {
        refNgrams = counts;
      } else {
        for (int n = 0; n < maxOrder; n++) {
          for (Map.Entry<String, Integer> e : counts[n].entrySet()) {
            refNgrams[n].merge(e.getKey(), e.getValue(), Math::max);
          }
        }
      }
    }
    if (refNgrams == null) {
      throw new IllegalArgumentException("a segment needs at least one reference");
    }
    List<String> hypTokens = PythonText.split(preprocess(hypothesis, options));
    Map<String, Integer>[] hypNgrams = ngrams(hypTokens, maxOrder);
    List<Integer> matches = new ArrayList<>(maxOrder);
    List<Integer> totals = new ArrayList<>(maxOrder);
    for (int n = 0; n < maxOrder; n++) {
      int match = 0;
      int count = 0;
      for (Map.Entry<String, Integer> e : hypNgrams[n].entrySet()) {
        count += e.getValue();
        match += Math.min(e.getValue(), refNgrams[n].getOrDefault(e.getKey(), 0));
      }
      matches.add(match);
      totals.add(count);
    }
    int hypLen = hypTokens.size();
    return new BleuStatistics(hypLen, closestRefLength(hypLen, refLens), matches, totals);
  }

  /** The signature sacreBLEU prints for these options and reference count. */
  public static String signature(BleuOptions options, String nrefs) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("case", options.lowercase() ? "lc" : "mixed");
    fields.put("eff", options.effectiveOrder() ? "yes" : "no");
    fields.put("tok", options.tokenizer().signature());
    String smooth = options.smoothMethod().signature();
    if (options.smoothMethod().takesValue()) {
      smooth += "[" + PythonText.fixed(options.resolvedSmoothValue(), 2) + "]";
    }
    fields.put("smooth", smooth);
    return SacreBleuSignature.format(nrefs, fields);
  }

  private static String preprocess(String segment, BleuOptions options) {
    String s = options.lowercase() ? PythonText.lower(segment) : segment;
    return options.tokenizer().tokenize(PythonText.rstrip(s));
  }

  /** Reference length closest to the hypothesis length; on a tie, the shorter reference. */
  private static int closestRefLength(int hypLen, List<Integer> refLens) {
    int closestDiff = -1;
    int closestLen = -1;
    for (int refLen : refLens) {
      int diff = Math.abs(hypLen - refLen);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = refLen;
      } else if (diff == closestDiff && refLen < closestLen) {
        closestLen = refLen;
      }
    }
    return closestLen;
  }

  /** N-gram counts per order (index n-1); an n-gram is its tokens joined by a space (tokens hold no spaces). */
  @SuppressWarnings("unchecked")
  private static Map<String, Integer>[] ngrams(List<String> tokens, int maxOrder) {
    Map<String, Integer>[] counts = new Map[maxOrder];
    for (int n = 1; n <= maxOrder; n++) {
      Map<String, Integer> order = new HashMap<>();
      for (int i = 0; i + n <= tokens.size(); i++) {
        order.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
      }
      counts[n - 1] = order;
    }
    return counts;
  }
}
