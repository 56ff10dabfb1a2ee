package org.mlmsuite.summarization;

/**
 * One document as BertSumExt input: {@code [CLS] s1 [SEP] [CLS] s2 [SEP] ...} with token types
 * alternating 0/1 per sentence. {@code clsPositions[i]} is sentence i's [CLS]; only the first
 * {@code clsPositions.length} sentences fit in the max length (the rest can't be chosen).
 *
 * @param labels oracle 0/1 per kept sentence (all 0 at inference)
 * @param truncated whether any token of the document was cut
 */
public record ExtractiveInput(int[] ids, int[] typeIds, int[] clsPositions, float[] labels, boolean truncated) {
  public int length() {
    return ids.length;
  }

  public int sentences() {
    return clsPositions.length;
  }
}
