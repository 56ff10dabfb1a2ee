package org.mlmsuite.eval.rouge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ROUGE as Google's {@code rouge-score} 0.1.2 computes it ({@code RougeScorer.score} and
 * {@code score_multi}). Thread-safe: it holds no mutable state.
 *
 * <p>For {@code rougeLsum} the texts must already hold one sentence per line ({@code \n}); empty
 * lines are ignored. See {@link SentenceSplit} to prepare texts.
 */
public final class RougeScorer {
  private final Set<RougeType> types;
  private final RougeTokenizer tokenizer;
  private final boolean useStemmer;

  public RougeScorer(Set<RougeType> types, boolean useStemmer) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("no ROUGE type requested");
    }
    this.types = new LinkedHashSet<>(types);
    this.useStemmer = useStemmer;
    this.tokenizer = new RougeTokenizer(useStemmer ? PorterStemmer.forRouge() : null);
  }

  /** Parses names such as {@code rouge1}, {@code rougeLsum}. */
  public static RougeScorer of(List<String> typeNames, boolean useStemmer) {
    Set<RougeType> parsed = new LinkedHashSet<>();
    for (String name : typeNames) {
      parsed.add(RougeType.parse(name));
    }
    return new RougeScorer(parsed, useStemmer);
  }

  public Set<RougeType> types() {
    return Set.copyOf(types);
  }

  /** Types in the order they were requested. */
  public List<RougeType> orderedTypes() {
    return List.copyOf(types);
  }

  public boolean usesStemmer() {
    return useStemmer;
  }

  /** Scores one prediction against one reference; the map iterates in the requested type order. */
  public Map<RougeType, Score> score(String reference, String prediction) {
    List<String> refTokens = tokenizer.tokenize(reference);
    List<String> predTokens = tokenizer.tokenize(prediction);
    Map<RougeType, Score> result = new LinkedHashMap<>();
    for (RougeType type : types) {
      Score s;
      if (type.isNgram()) {
        s = ngramScore(refTokens, predTokens, type.n());
      } else if (type.equals(RougeType.ROUGE_L)) {
        s = lcsScore(refTokens, predTokens);
      } else {
        s = summaryLevelLcs(tokenizeSentences(reference), tokenizeSentences(prediction));
      }
      result.put(type, s);
    }
    return result;
  }

  /**
   * Scores against each reference and keeps, per type, the score with the highest F-measure
   * (the first reference on ties), as rouge-score's {@code score_multi} does.
   */
  public Map<RougeType, Score> scoreMulti(List<String> references, String prediction) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("scoreMulti needs at least one reference");
    }
    List<Map<RougeType, Score>> all = new ArrayList<>();
    for (String ref : references) {
      all.add(score(ref, prediction));
    }
    Map<RougeType, Score> best = new LinkedHashMap<>();
    for (RougeType type : types) {
      Score max = all.get(0).get(type);
      for (Map<RougeType, Score> s : all) {
        if (s.get(type).fmeasure() > max.fmeasure()) {
          max = s.get(type);
        }
      }
      best.put(type, max);
    }
    return best;
  }

  private List<List<String>> tokenizeSentences(String text) {
    List<List<String>> sentences = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sentences.add(tokenizer.tokenize(line));
      }
    }
    return sentences;
  }

  static Score ngramScore(List<String> ref, List<String> pred, int n) {
    Map<List<String>, Integer> refCounts = ngramCounts(ref, n);
    Map<List<String>, Integer> predCounts = ngramCounts(pred, n);
    int overlap = 0;
    for (Map.Entry<List<String>, Integer> e : refCounts.entrySet()) {
      overlap += Math.min(e.getValue(), predCounts.getOrDefault(e.getKey(), 0));
    }
    int refTotal = Math.max(ref.size() - n + 1, 0);
    int predTotal = Math.max(pred.size() - n + 1, 0);
    return Score.of((double) overlap / Math.max(predTotal, 1), (double) overlap / Math.max(refTotal, 1));
  }

  private static Map<List<String>, Integer> ngramCounts(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
    }
    return counts;
  }

  static Score lcsScore(List<String> ref, List<String> pred) {
    if (ref.isEmpty() || pred.isEmpty()) {
      return Score.ZERO;
    }
    int lcs = LongestCommonSubsequence.length(ref, pred);
    return Score.of((double) lcs / pred.size(), (double) lcs / ref.size());
  }

  /**
   * Summary-level LCS (Lin 2004, section 3.2) with ROUGE-1.5.5's guard against double counting:
   * a token of the union LCS is a hit only while both summaries still have unused copies of it.
   */
  static Score summaryLevelLcs(List<List<String>> refSentences, List<List<String>> predSentences) {
    if (refSentences.isEmpty() || predSentences.isEmpty()) {
      return Score.ZERO;
    }
    int m = refSentences.stream().mapToInt(List::size).sum();
    int n = predSentences.stream().mapToInt(List::size).sum();
    if (m == 0 || n == 0) {
      return Score.ZERO;
    }
    Map<String, Integer> refLeft = tokenCounts(refSentences);
    Map<String, Integer> predLeft = tokenCounts(predSentences);
    int hits = 0;
    for (List<String> ref : refSentences) {
      for (int index : LongestCommonSubsequence.unionIndices(ref, predSentences)) {
        String token = ref.get(index);
        if (predLeft.getOrDefault(token, 0) > 0 && refLeft.getOrDefault(token, 0) > 0) {
          hits++;
          predLeft.merge(token, -1, Integer::sum);
          refLeft.merge(token, -1, Integer::sum);
        }
      }
    }
    return Score.of((double) hits / n, (double) hits / m);
  }

  private static Map<String, Integer> tokenCounts(List<List<String>> sentences) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> s : sentences) {
      for (String t : s) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    return counts;
  }
}
