package org.mlmsuite.backbone.masking;

import org.mlmsuite.backbone.text.Encoding;

/**
 * The maskable words of an encoding: runs of consecutive maskable tokens with the same word id
 * (a token with word id -1 is a word of its own). A word never spans a special token, so spans
 * built from adjacent words never cross [CLS], [SEP] or padding.
 */
final class Words {
  final int count;
  final int[] start;
  final int[] end;
  /** tokensBefore[k] = tokens in words 0..k-1; length count + 1. */
  final int[] tokensBefore;
  /** adjacentToNext[k]: word k+1 starts right where word k ends, in the same segment. */
  final boolean[] adjacentToNext;

  private Words(int count, int[] start, int[] end, int[] tokensBefore, boolean[] adjacentToNext) {
    this.count = count;
    this.start = start;
    this.end = end;
    this.tokensBefore = tokensBefore;
    this.adjacentToNext = adjacentToNext;
  }

  static Words of(Encoding e) {
    int n = e.length();
    int[] start = new int[n];
    int[] end = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!MaskableTokens.isMaskable(e, i)) {
        continue;
      }
      boolean continuesWord = count > 0 && end[count - 1] == i && e.wordIds()[i] >= 0
          && e.wordIds()[i] == e.wordIds()[i - 1];
      if (continuesWord) {
        end[count - 1] = i + 1;
      } else {
        start[count] = i;
        end[count] = i + 1;
        count++;
      }
    }
    int[] tokensBefore = new int[count + 1];
    boolean[] adjacentToNext = new boolean[count];
    for (int k = 0; k < count; k++) {
      tokensBefore[k + 1] = tokensBefore[k] + end[k] - start[k];
      adjacentToNext[k] = k + 1 < count && start[k + 1] == end[k]
          && e.typeIds()[start[k + 1]] == e.typeIds()[start[k]];
    }
    return new Words(count, start, end, tokensBefore, adjacentToNext);
  }

  int tokens(int firstWord, int words) {
    return tokensBefore[firstWord + words] - tokensBefore[firstWord];
  }
}
