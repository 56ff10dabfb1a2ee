package org.mlmsuite.eval.rouge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/** LCS over token lists, with the same tie-breaking as rouge-score so union LCS hits agree. */
final class LongestCommonSubsequence {
  private LongestCommonSubsequence() {}

  /** table[i][j] = LCS length of ref[0..i) and can[0..j); shape (|ref|+1, |can|+1). */
  static int[][] table(List<?> ref, List<?> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] = ref.get(i - 1).equals(can.get(j - 1))
            ? t[i - 1][j - 1] + 1
            : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t;
  }

  static int length(List<?> ref, List<?> can) {
    if (ref.isEmpty() || can.isEmpty()) {
      return 0;
    }
    return table(ref, can)[ref.size()][can.size()];
  }

  /** Indices into ref of one LCS, read back from the table end; on ties it drops the reference token, as rouge-score does. */
  static List<Integer> indices(List<?> ref, List<?> can) {
    int[][] t = table(ref, can);
    List<Integer> out = new ArrayList<>();
    int i = ref.size();
    int j = can.size();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        out.add(i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    Collections.reverse(out);
    return out;
  }

  /** Sorted union of the LCS index sets of ref against each candidate sentence. */
  static List<Integer> unionIndices(List<?> ref, List<? extends List<?>> candidates) {
    TreeSet<Integer> union = new TreeSet<>();
    for (List<?> can : candidates) {
      union.addAll(indices(ref, can));
    }
    return new ArrayList<>(union);
  }
}
