package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11 prints for the same expressions. */
class PythonTextTest {
  @Test
  void splitUsesPythonWhitespace() {
    // 'a\u00a0b\u0085c\u2007d\u202fe\u200bf\u180eg\x1ch'.split()
    assertEquals(List.of("a", "b", "c", "d", "e\u200bf\u180eg", "h"),
        PythonText.split("a\u00a0b\u0085c\u2007d\u202fe\u200bf\u180eg\u001ch"));
    assertEquals(List.of(), PythonText.split(" \t\n "));
  }

  @Test
  void rstripDropsNoBreakSpaces() {
    assertEquals(" x", PythonText.rstrip(" x \u00a0\u3000\r"));
  }

  @Test
  void fixedRoundsHalfEvenOnTheBinaryValue() {
    // f'{0.125:.2f}', f'{2.675:.2f}', f'{0.5:.0f}', f'{1.5:.0f}', f'{-0.0001:.2f}', f'{100.00000000000004:.2f}'
    assertEquals("0.12", PythonText.fixed(0.125, 2));
    assertEquals("2.67", PythonText.fixed(2.675, 2));
    assertEquals("0", PythonText.fixed(0.5, 0));
    assertEquals("2", PythonText.fixed(1.5, 0));
    assertEquals("-0.00", PythonText.fixed(-0.0001, 2));
    assertEquals("100.00", PythonText.fixed(100.00000000000004, 2));
  }

  @Test
  void codePointsKeepSurrogatePairsWhole() {
    assertArrayEquals(new String[] {"a", "\uD83D\uDE00", "b"}, PythonText.codePoints("a\uD83D\uDE00b"));
  }
}
