package org.mlmsuite.backbone.seq2seq;

/**
 * One decoding step over a set of live hypotheses. The search owns the hypotheses' order: after
 * {@link #reorder} row {@code i} continues the hypothesis that was row {@code parents[i]}, so an
 * implementation keeping per-row caches (self-attention keys/values) gathers them by parent.
 */
public interface StepFunction {

  /**
   * @param lastTokens the token each live row appended last (BOS at the first step)
   * @return log-probabilities of the next token, [rows][vocabulary]
   */
  float[][] logProbs(int[] lastTokens);

  /** Keeps rows {@code parents[i]} as the new row order (rows may repeat or disappear). */
  void reorder(int[] parents);
}
