package org.mlmsuite.backbone.text;

import java.util.Arrays;

/**
 * One tokenized input as the model sees it, position by position (all arrays have the same
 * length). This record is the contract between the tokenizer, the entity finder and the
 * masking strategies.
 *
 * @param ids token ids in the vocabulary
 * @param tokens token strings ({@code ##} marks a word continuation)
 * @param typeIds segment ids: 0 for the first text (and its [CLS]/[SEP]), 1 for the second
 * @param wordIds index of the pre-tokenized word each token came from, counted over the whole
 *     input (both segments); -1 for special tokens and padding
 * @param startOffsets character offset in the original text where the token starts; -1 for
 *     special tokens and padding
 * @param endOffsets character offset (exclusive) where the token ends; -1 likewise
 * @param specialMask true at [CLS], [SEP], [PAD] and other special tokens that must never be masked
 * @param attentionMask 1 at real tokens (including [CLS]/[SEP]), 0 at padding
 */
public record Encoding(
    int[] ids,
    String[] tokens,
    int[] typeIds,
    int[] wordIds,
    int[] startOffsets,
    int[] endOffsets,
    boolean[] specialMask,
    int[] attentionMask) {

  public Encoding {
    int n = ids.length;
    if (tokens.length != n || typeIds.length != n || wordIds.length != n || startOffsets.length != n
        || endOffsets.length != n || specialMask.length != n || attentionMask.length != n) {
      throw new IllegalArgumentException("Encoding arrays differ in length");
    }
  }

  public int length() {
    return ids.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Encoding e
        && Arrays.equals(ids, e.ids) && Arrays.equals(tokens, e.tokens)
        && Arrays.equals(typeIds, e.typeIds) && Arrays.equals(wordIds, e.wordIds)
        && Arrays.equals(startOffsets, e.startOffsets) && Arrays.equals(endOffsets, e.endOffsets)
        && Arrays.equals(specialMask, e.specialMask) && Arrays.equals(attentionMask, e.attentionMask);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return "Encoding" + Arrays.toString(tokens);
  }
}
