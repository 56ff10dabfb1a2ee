package org.mlmsuite.backbone.masking;

import java.util.Arrays;

/**
 * The MLM input and targets for one sequence. The pretraining graph gathers the hidden states at
 * {@code maskedPositions} and predicts {@code maskedLabelIds}; everything else carries no loss.
 *
 * @param inputIds the encoding's ids with the chosen positions replaced ([MASK], a random token,
 *     or left unchanged); shape [sequence length]
 * @param maskedPositions chosen positions, ascending; shape [number masked]
 * @param maskedLabelIds the original ids at those positions; shape [number masked]
 * @param strategy name of the strategy that chose the positions (the drawn one, for mixtures)
 */
public record MaskedSequence(int[] inputIds, int[] maskedPositions, int[] maskedLabelIds, String strategy) {
  public MaskedSequence {
    if (maskedPositions.length != maskedLabelIds.length) {
      throw new IllegalArgumentException("masked positions and labels differ in length");
    }
  }

  public int maskedCount() {
    return maskedPositions.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskedSequence m
        && Arrays.equals(inputIds, m.inputIds) && Arrays.equals(maskedPositions, m.maskedPositions)
        && Arrays.equals(maskedLabelIds, m.maskedLabelIds) && strategy.equals(m.strategy);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(inputIds) + Arrays.hashCode(maskedPositions);
  }

  @Override
  public String toString() {
    return "MaskedSequence[" + strategy + ", positions=" + Arrays.toString(maskedPositions) + "]";
  }
}
