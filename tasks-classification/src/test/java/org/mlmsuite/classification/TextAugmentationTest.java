package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tang et al.'s augmentation: seeded, the documented rates, n-grams of 1..5 words. */
class TextAugmentationTest {
  /** 40 distinct words, so a kept n-gram is recognisable by its length and no copy repeats by chance. */
  static final String TEXT = String.join(" ", IntStream.range(0, 40).mapToObj(i -> "w" + i).toList());

  static TextAugmentation with(long seed) {
    return new TextAugmentation(TextAugmentation.Settings.defaults(seed), null);
  }

  @Test
  void theSameSeedGivesTheSameCopiesAndAnotherSeedOthers() {
    assertEquals(with(7).copiesOf(TEXT, 3), with(7).copiesOf(TEXT, 3));
    assertNotEquals(with(7).copiesOf(TEXT, 3), with(8).copiesOf(TEXT, 3));
    assertNotEquals(with(7).copiesOf(TEXT, 3), with(7).copiesOf(TEXT, 4), "each example has its own stream");
  }

  @Test
  void masksAboutOneWordInTenAndKeepsAnNgramInAboutOneCopyInFour() {
    int copies = 0;
    int ngramCopies = 0;
    long words = 0;
    long masked = 0;
    Set<Integer> ngramLengths = new HashSet<>();
    for (int example = 0; example < 200; example++) {
      for (String copy : with(1).copiesOf(TEXT, example)) {
        copies++;
        String[] w = copy.split(" ");
        long m = java.util.Arrays.stream(w).filter("[MASK]"::equals).count();
        if (w.length < 40) {
          ngramCopies++;
          ngramLengths.add(w.length);
        } else {
          words += w.length;
          masked += m;
        }
      }
    }
    assertTrue(copies >= 200 * 19, "about 20 distinct copies per example: " + copies);
    double maskRate = (double) masked / words;
    double ngramRate = (double) ngramCopies / copies;
    // 3,000 full copies x 40 words: the rate's standard error is under 0.001
    assertEquals(0.10, maskRate, 0.01, "mask rate");
    // 4,000 copies: standard error ~0.007
    assertEquals(0.25, ngramRate, 0.03, "n-gram rate");
    assertEquals(Set.of(1, 2, 3, 4, 5), ngramLengths);
  }

  @Test
  void noCopyIsTheTextOrRepeatsAndShortTextsStayWithinTheirWords() {
    List<String> copies = with(3).copiesOf("a gorgeous witty film", 0);
    assertEquals(copies.size(), new HashSet<>(copies).size());
    assertTrue(!copies.contains("a gorgeous witty film"));
    List<String> allowed = new ArrayList<>(List.of("a", "gorgeous", "witty", "film", "[MASK]"));
    for (String c : copies) {
      for (String w : c.split(" ")) {
        assertTrue(allowed.contains(w), c);
      }
    }
    assertTrue(with(3).copiesOf("x", 0).stream().allMatch("[MASK]"::equals), "a one-word text can only be masked");
  }

  @Test
  void noCopiesWhenTurnedOffAndMlmNeedsAMaskedLm() {
    assertEquals(List.of(), new TextAugmentation(TextAugmentation.Settings.defaults(1).withCopies(0), null)
        .copiesOf(TEXT, 0));
    assertThrows(IllegalArgumentException.class, () -> new TextAugmentation(
        TextAugmentation.Settings.defaults(1).withReplacement(TextAugmentation.Replacement.MLM), null));
    assertThrows(IllegalArgumentException.class, () -> TextAugmentation.Replacement.parse("glove"));
  }
}
