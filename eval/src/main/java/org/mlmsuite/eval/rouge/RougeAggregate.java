package org.mlmsuite.eval.rouge;

/**
 * Corpus-level result for one ROUGE type, shaped like rouge-score's {@code AggregateScore}:
 * {@code low}, {@code mid}, {@code high} are the lower bound, median and upper bound of the
 * bootstrap distribution of the corpus mean (per measure, independently), and {@code mean} is the
 * plain mean over examples, which rouge-score does not report but users usually want.
 */
public record RougeAggregate(Score low, Score mid, Score high, Score mean, int examples) {}
