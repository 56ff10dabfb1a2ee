package org.mlmsuite.summarization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * BertSumExt's selection: candidates by descending score; a candidate sharing a word trigram
 * (lower-cased alphanumeric tokens) with an already selected sentence is skipped; stop at k.
 */
public final class TrigramBlocking {
  private TrigramBlocking() {}

  /** Chosen indices in document order. */
  public static List<Integer> select(List<String> sentences, double[] scores, int k, boolean block) {
    List<Integer> order = IntStream.range(0, sentences.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i)).toList();
    List<Integer> chosen = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (int i : order) {
      if (chosen.size() >= k) {
        break;
      }
      Set<List<String>> grams = trigrams(sentences.get(i));
      if (block && grams.stream().anyMatch(seen::contains)) {
        continue;
      }
      chosen.add(i);
      seen.addAll(grams);
    }
    return chosen.stream().sorted().toList();
  }

  static Set<List<String>> trigrams(String sentence) {
    String[] words = sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> tokens = new ArrayList<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        tokens.add(w);
      }
    }
    Set<List<String>> out = new HashSet<>();
    for (int i = 0; i + 3 <= tokens.size(); i++) {
      out.add(List.copyOf(tokens.subList(i, i + 3)));
    }
    return out;
  }
}
