package org.mlmsuite.backbone.seq2seq;

import java.util.Arrays;

/**
 * No-repeat n-gram blocking with Hugging Face's semantics ({@code NoRepeatNGramLogitsProcessor}):
 * over the sequence {@code BOS + prefix}, the tokens that follow an earlier occurrence of the last
 * {@code n-1} tokens may not come next, since each would complete an n-gram already present.
 */
final class NgramBlocking {
  private NgramBlocking() {}

  /** Tokens banned after {@code bos + prefix} (may repeat; empty when {@code n == 0} or too short). */
  static int[] bannedNext(int bos, int[] prefix, int n) {
    int length = prefix.length + 1; // with BOS
    if (n < 1 || length + 1 < n) {
      return new int[0];
    }
    int[] banned = new int[length];
    int count = 0;
    // an n-gram starting at i: tokens i .. i+n-1, the last of which must lie inside the sequence
    for (int i = 0; i + n - 1 < length; i++) {
      boolean same = true;
      for (int k = 0; k < n - 1 && same; k++) {
        same = at(bos, prefix, i + k) == at(bos, prefix, length - (n - 1) + k);
      }
      if (same) {
        banned[count++] = at(bos, prefix, i + n - 1);
      }
    }
    return Arrays.copyOf(banned, count);
  }

  private static int at(int bos, int[] prefix, int i) {
    return i == 0 ? bos : prefix[i - 1];
  }
}
