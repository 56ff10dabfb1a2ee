package org.mlmsuite.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeTokenizerTest {
  /** rouge-score's tokenize_test.py. */
  @Test
  void lowercasesAndSplitsOnWhitespace() {
    RougeTokenizer t = new RougeTokenizer(null);
    assertEquals(List.of("one", "two", "three"), t.tokenize("one Two three"));
    assertEquals(List.of("one", "two", "three"), t.tokenize("one\n Two \nthree"));
  }

  @Test
  void everythingOutsideAsciiLettersAndDigitsSeparates() {
    RougeTokenizer t = new RougeTokenizer(null);
    assertEquals(List.of("don", "t", "stop", "caf", "2024", "e", "mail"), t.tokenize("Don't stop-- Café 2024 e-mail!"));
    assertEquals(List.of(), t.tokenize(" /// "));
  }

  @Test
  void onlyTokensLongerThanThreeCharactersAreStemmed() {
    RougeTokenizer t = new RougeTokenizer(PorterStemmer.forRouge());
    // "was" and "ies" (3 chars) stay as they are (the stemmer alone gives "wa", "i"); "cats" and "running" are stemmed.
    assertEquals(List.of("was", "ies", "cat", "run"), t.tokenize("was ies cats running"));
  }
}
