package org.mlmsuite.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class McNemarTestTest {
  /**
   * Expected values: min(1, 2 * sum_{i<=min(b,c)} C(b+c, i) / 2^(b+c)) computed exactly with Python
   * fractions (what statsmodels' mcnemar(exact=True) returns).
   */
  @Test
  void exactPValuesMatchTheBinomialTail() {
    assertEquals(158.0 / 4096, McNemarTest.exactTwoSidedP(10, 2), 1e-15);
    assertEquals(158.0 / 4096, McNemarTest.exactTwoSidedP(2, 10), 1e-15);
    assertEquals(0.11446824201255824, McNemarTest.exactTwoSidedP(60, 43), 1e-12);
    assertEquals(0.018207019279300234, McNemarTest.exactTwoSidedP(600, 520), 1e-12);
    // past 1074 discordant examples 0.5^n underflows a double: the log-space sum must not
    assertEquals(0.06598734966518381, McNemarTest.exactTwoSidedP(1500, 1400), 1e-12);
  }

  @Test
  void noDisagreementOrATieIsNoEvidence() {
    assertEquals(1.0, McNemarTest.exactTwoSidedP(0, 0));
    assertEquals(1.0, McNemarTest.exactTwoSidedP(1, 0));
    assertEquals(1.0, McNemarTest.exactTwoSidedP(5, 5));
  }

  @Test
  void countsOnlyTheExamplesExactlyOneSystemGetsRight() {
    List<String> gold = List.of("a", "a", "b", "b", "a", "b");
    List<String> first = List.of("a", "a", "b", "a", "b", "b"); // right on 0,1,2,5
    List<String> second = List.of("a", "b", "a", "b", "b", "a"); // right on 0,3
    McNemarTest t = McNemarTest.of(gold, first, second);
    assertEquals(3, t.onlyFirstCorrect()); // 1, 2, 5
    assertEquals(1, t.onlySecondCorrect()); // 3
    assertEquals(2, t.netFirst());
    assertEquals(McNemarTest.exactTwoSidedP(3, 1), t.pValue());
    assertEquals(0.625, t.pValue(), 1e-15); // 2 * (1 + 4) / 16
  }

  @Test
  void mismatchedLengthsAreAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> McNemarTest.of(List.of("a", "b"), List.of("a"), List.of("a", "b")));
  }
}
