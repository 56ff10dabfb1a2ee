package org.mlmsuite.eval.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Corpus ROUGE: each prediction against its references ({@link RougeScorer#scoreMulti}, so the
 * best reference per type), then corpus means and bootstrap intervals. The sentence split is
 * applied to predictions and references before scoring, so {@code rougeLsum} sees one sentence
 * per line; it does not change the other types, whose tokenizer treats newlines as spaces.
 */
public final class RougeEvaluator {
  private final RougeScorer scorer;
  private final SentenceSplit sentenceSplit;
  private final double confidence;
  private final int bootstrapSamples;
  private final long seed;

  public RougeEvaluator(RougeScorer scorer, SentenceSplit sentenceSplit, double confidence, int bootstrapSamples, long seed) {
    this.scorer = scorer;
    this.sentenceSplit = sentenceSplit;
    this.confidence = confidence;
    this.bootstrapSamples = bootstrapSamples;
    this.seed = seed;
  }

  /** rouge-score's defaults: 95% intervals from 1000 resamples, fixed seed. */
  public RougeEvaluator(RougeScorer scorer, SentenceSplit sentenceSplit) {
    this(scorer, sentenceSplit, BootstrapAggregator.DEFAULT_CONFIDENCE, BootstrapAggregator.DEFAULT_SAMPLES,
        BootstrapAggregator.DEFAULT_SEED);
  }

  /** Per-example scores (in input order) and corpus aggregates per type. */
  public record Result(List<Map<RougeType, Score>> perExample, Map<RougeType, RougeAggregate> corpus) {}

  /**
   * @param predictions one text per example
   * @param references for each example, one or more reference texts
   */
  public Result evaluate(List<String> predictions, List<List<String>> references) {
    if (predictions.size() != references.size()) {
      throw new IllegalArgumentException(
          predictions.size() + " predictions but " + references.size() + " reference sets");
    }
    if (predictions.isEmpty()) {
      throw new IllegalArgumentException("no examples to score");
    }
    BootstrapAggregator aggregator = new BootstrapAggregator(confidence, bootstrapSamples, seed);
    List<Map<RougeType, Score>> perExample = new ArrayList<>(predictions.size());
    for (int i = 0; i < predictions.size(); i++) {
      List<String> refs = references.get(i).stream().map(sentenceSplit::apply).toList();
      if (refs.isEmpty()) {
        throw new IllegalArgumentException("example " + (i + 1) + " has no reference");
      }
      Map<RougeType, Score> scores = scorer.scoreMulti(refs, sentenceSplit.apply(predictions.get(i)));
      perExample.add(scores);
      aggregator.add(scores);
    }
    return new Result(List.copyOf(perExample), aggregator.aggregate());
  }
}
