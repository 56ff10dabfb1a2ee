package org.mlmsuite.summarization;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Model-free extractive baselines: {@code lead-N} (the first N sentences) and {@code longest-N}
 * (the N longest sentences by characters, ties to the earlier one, kept in document order).
 */
public record Baseline(Kind kind, int n) {
  public enum Kind { LEAD, LONGEST }

  public Baseline {
    if (n < 1) {
      throw new IllegalArgumentException("baseline N must be >= 1, got " + n);
    }
  }

  /** {@code lead-3}, {@code longest-2}, ... */
  public static Baseline parse(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    int dash = s.lastIndexOf('-');
    if (dash > 0) {
      String kind = s.substring(0, dash);
      try {
        int n = Integer.parseInt(s.substring(dash + 1));
        if (kind.equals("lead")) {
          return new Baseline(Kind.LEAD, n);
        }
        if (kind.equals("longest")) {
          return new Baseline(Kind.LONGEST, n);
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException("unknown baseline '" + name + "' (use lead-N or longest-N, e.g. lead-3)");
  }

  /** Each baseline once, in the order given ({@code lead-3,lead-3} is one row of the table, not two). */
  public static List<Baseline> parseList(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).filter(part -> !part.isBlank()).map(Baseline::parse).distinct()
        .toList();
  }

  public String name() {
    return kind.name().toLowerCase(Locale.ROOT) + "-" + n;
  }

  /** Indices of the chosen sentences, ascending. */
  public List<Integer> select(List<String> sentences) {
    int k = Math.min(n, sentences.size());
    if (kind == Kind.LEAD) {
      return IntStream.range(0, k).boxed().toList();
    }
    return IntStream.range(0, sentences.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -sentences.get(i).length()).thenComparingInt(i -> i))
        .limit(k).sorted().toList();
  }

  public String summarize(String document, SentencePolicy policy) {
    List<String> sentences = policy.split(document);
    return Extracts.join(sentences, select(sentences));
  }
}
