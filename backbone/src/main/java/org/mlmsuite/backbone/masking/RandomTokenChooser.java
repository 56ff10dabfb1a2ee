package org.mlmsuite.backbone.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlmsuite.backbone.text.Encoding;

/** BERT's original choice: {@code budget} maskable tokens uniformly without replacement. */
final class RandomTokenChooser implements UnitChooser {
  @Override
  public List<TokenSpan> choose(MaskingInput input, boolean[] taken, int budget, SplittableRandom random) {
    Encoding e = input.encoding();
    int[] candidates = new int[e.length()];
    int n = 0;
    for (int i = 0; i < e.length(); i++) {
      if (MaskableTokens.isMaskable(e, i) && !taken[i]) {
        candidates[n++] = i;
      }
    }
    int picks = Math.min(budget, n);
    List<TokenSpan> units = new ArrayList<>(picks);
    for (int k = 0; k < picks; k++) {
      // partial Fisher-Yates: candidates[0..k) are the picks so far
      int j = k + random.nextInt(n - k);
      int chosen = candidates[j];
      candidates[j] = candidates[k];
      candidates[k] = chosen;
      taken[chosen] = true;
      units.add(new TokenSpan(chosen, chosen + 1));
    }
    return units;
  }
}
