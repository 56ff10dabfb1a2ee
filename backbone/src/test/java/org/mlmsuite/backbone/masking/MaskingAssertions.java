package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mlmsuite.backbone.text.Encoding;

/** Invariants every strategy's output must satisfy. */
final class MaskingAssertions {
  private MaskingAssertions() {}

  static void assertWellFormed(Encoding e, MaskedSequence m) {
    assertEquals(e.length(), m.inputIds().length);
    boolean[] masked = new boolean[e.length()];
    for (int k = 0; k < m.maskedCount(); k++) {
      int p = m.maskedPositions()[k];
      if (k > 0) {
        assertTrue(m.maskedPositions()[k - 1] < p, "positions ascending and distinct");
      }
      assertFalse(e.specialMask()[p], "special token masked at " + p + " in " + e);
      assertEquals(1, e.attentionMask()[p], "padding masked at " + p);
      assertEquals(e.ids()[p], m.maskedLabelIds()[k], "label is the original id");
      int replaced = m.inputIds()[p];
      assertTrue(replaced == TestEncodings.MASK || !TestEncodings.vocabulary().isSpecial(replaced),
          "replacement " + replaced + " is a special id");
      masked[p] = true;
    }
    for (int i = 0; i < e.length(); i++) {
      if (!masked[i]) {
        assertEquals(e.ids()[i], m.inputIds()[i], "unchosen position " + i + " changed");
      }
    }
  }
}
