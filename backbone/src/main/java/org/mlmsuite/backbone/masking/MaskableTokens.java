package org.mlmsuite.backbone.masking;

import org.mlmsuite.backbone.text.Encoding;

/** Which positions may be masked: real tokens that are not special ([CLS], [SEP], [PAD], ...). */
final class MaskableTokens {
  private MaskableTokens() {}

  static boolean isMaskable(Encoding e, int i) {
    return !e.specialMask()[i] && e.attentionMask()[i] != 0;
  }

  static int count(Encoding e) {
    int n = 0;
    for (int i = 0; i < e.length(); i++) {
      if (isMaskable(e, i)) {
        n++;
      }
    }
    return n;
  }
}
