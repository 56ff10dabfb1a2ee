package org.mlmsuite.summarization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmsuite.eval.rouge.RougeScorer;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.eval.rouge.Score;

/**
 * Greedy oracle (BertSum): repeatedly add the sentence that most increases ROUGE-1 F + ROUGE-2 F
 * of the selection (in document order) against the reference; stop when nothing improves or at
 * {@code maxK}. Thread-safe.
 */
public final class OracleLabels {
  private final RougeScorer scorer = new RougeScorer(Set.of(RougeType.ROUGE_1, RougeType.ROUGE_2), true);
  private final int maxK;

  public OracleLabels(int maxK) {
    if (maxK < 1) {
      throw new IllegalArgumentException("oracle k must be >= 1, got " + maxK);
    }
    this.maxK = maxK;
  }

  /** Chosen sentence indices, ascending. */
  public List<Integer> select(List<String> sentences, String reference) {
    List<Integer> chosen = new ArrayList<>();
    double best = 0;
    while (chosen.size() < maxK) {
      int pick = -1;
      for (int i = 0; i < sentences.size(); i++) {
        if (chosen.contains(i)) {
          continue;
        }
        List<Integer> trial = new ArrayList<>(chosen);
        trial.add(i);
        double value = value(Extracts.join(sentences, trial), reference);
        if (value > best) {
          best = value;
          pick = i;
        }
      }
      if (pick < 0) {
        break;
      }
      chosen.add(pick);
    }
    return chosen.stream().sorted().toList();
  }

  /** 0/1 per sentence. */
  public float[] labels(List<String> sentences, String reference) {
    float[] labels = new float[sentences.size()];
    for (int i : select(sentences, reference)) {
      labels[i] = 1f;
    }
    return labels;
  }

  private double value(String candidate, String reference) {
    Map<RougeType, Score> s = scorer.score(reference, candidate);
    return s.get(RougeType.ROUGE_1).fmeasure() + s.get(RougeType.ROUGE_2).fmeasure();
  }
}
