/**
 * ROUGE exactly as Google's {@code rouge-score} 0.1.2 computes it: its tokenizer, NLTK's Porter
 * stemmer (default NLTK_EXTENSIONS mode, which is what {@code PorterStemmer()} gives rouge-score),
 * ROUGE-N, ROUGE-L, summary-level ROUGE-Lsum, multi-reference {@code score_multi} and the
 * bootstrap aggregation of {@code scoring.BootstrapAggregator}.
 *
 * <p>Entry points: {@link org.mlmsuite.eval.rouge.RougeScorer} for single examples,
 * {@link org.mlmsuite.eval.rouge.RougeEvaluator} for a corpus with confidence intervals. Interval
 * ends are reproducible for a seed but are not numpy's draws, so they agree with rouge-score's up to
 * bootstrap noise (about 0.001 on a few hundred examples), while per-example scores and means agree
 * exactly. {@link org.mlmsuite.eval.rouge.PairedPermutationTest} compares two systems on the same
 * documents (rouge-score has no such test; it is the sign-flip permutation test on per-document
 * scores).
 */
package org.mlmsuite.eval.rouge;
