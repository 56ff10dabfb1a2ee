package org.mlmsuite.backbone.masking;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * What masking needs to know about the vocabulary: its size, the [MASK] id, and which ids are
 * special ([CLS], [SEP], [PAD], [MASK], [UNK], ...) so that random replacement never draws them.
 */
public record MaskingVocabulary(int vocabSize, int maskId, int[] specialIds) {
  public MaskingVocabulary {
    specialIds = specialIds.clone();
    if (maskId < 0 || maskId >= vocabSize) {
      throw new IllegalArgumentException("[MASK] id " + maskId + " is outside the vocabulary of " + vocabSize);
    }
    BitSet special = new BitSet(vocabSize);
    special.set(maskId);
    for (int id : specialIds) {
      if (id < 0 || id >= vocabSize) {
        throw new IllegalArgumentException("special id " + id + " is outside the vocabulary of " + vocabSize);
      }
      special.set(id);
    }
    if (special.cardinality() >= vocabSize) {
      throw new IllegalArgumentException("vocabulary of " + vocabSize + " has no ordinary token to draw");
    }
  }

  /** A uniformly drawn ordinary (non-special, non-[MASK]) token id. */
  public int randomTokenId(SplittableRandom random) {
    while (true) {
      int id = random.nextInt(vocabSize);
      if (!isSpecial(id)) {
        return id;
      }
    }
  }

  public boolean isSpecial(int id) {
    if (id == maskId) {
      return true;
    }
    for (int s : specialIds) {
      if (s == id) {
        return true;
      }
    }
    return false;
  }
}
