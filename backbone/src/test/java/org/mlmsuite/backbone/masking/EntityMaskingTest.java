package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class EntityMaskingTest {
  private static final MaskingVocabulary VOCAB = TestEncodings.vocabulary();
  private final MaskingStrategy entity = new MaskingConfig.Entities(null, null).create(VOCAB);

  // [CLS] Angela Mer ##kel met Emmanuel Mac ##ron in Ber ##lin on a cold Tuesday morning with her advisers ... [SEP]
  private static final String SENTENCE =
      "Angela Mer|kel met Emmanuel Mac|ron in Ber|lin on a cold Tuesday morning with her advisers and staff today";

  @Test
  void masksWholeEntitiesWithinTheBudgetAndFillsTheRest() {
    Encoding e = TestEncodings.encode(0, SENTENCE); // 21 maskable tokens: budget round(3.15) = 3
    TokenSpan berlin = new TokenSpan(9, 11);
    MaskingInput input = new MaskingInput(e, List.of(berlin));
    for (int s = 0; s < 500; s++) {
      MaskedSequence m = entity.mask(input, new SplittableRandom(s), 0);
      MaskingAssertions.assertWellFormed(e, m);
      boolean[] masked = WholeWordMaskingTest.maskedFlags(e, m);
      assertTrue(masked[9] && masked[10], "Berlin fully masked: " + m);
      assertEquals(3, m.maskedCount(), "entity (2) plus one filler word");
    }
  }

  @Test
  void entitiesThatWouldExceedTheBudgetAreSkipped() {
    Encoding e = TestEncodings.encode(0, SENTENCE); // budget 3
    TokenSpan angelaMerkel = new TokenSpan(1, 4); // 3 tokens
    TokenSpan berlin = new TokenSpan(9, 11); // 2 tokens
    MaskingInput input = new MaskingInput(e, List.of(angelaMerkel, berlin));
    int merkelFirst = 0;
    for (int s = 0; s < 2000; s++) {
      boolean[] masked = WholeWordMaskingTest.maskedFlags(e, entity.mask(input, new SplittableRandom(s), 0));
      boolean merkel = masked[1] && masked[2] && masked[3];
      boolean ber = masked[9] && masked[10];
      assertTrue(merkel ^ ber, "exactly one entity fits the budget of 3");
      merkelFirst += merkel ? 1 : 0;
    }
    // entity order is shuffled: each comes first half of the time (binomial sd 22, bound 5 sd)
    assertEquals(1000, merkelFirst, 110);
  }

  @Test
  void overManySequencesEntitiesAreMaskedWholeAndTheRateHolds() {
    SplittableRandom data = new SplittableRandom(6);
    RateTally tally = new RateTally();
    for (int s = 0; s < 1000; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      List<TokenSpan> entities = randomEntities(e, data);
      MaskingInput input = new MaskingInput(e, entities);
      MaskedSequence m = entity.mask(input, new SplittableRandom(s), 0);
      MaskingAssertions.assertWellFormed(e, m);
      int budget = MaskingRates.BERT.budget(MaskableTokens.count(e));
      assertTrue(m.maskedCount() <= budget);
      tally.add(MaskableTokens.count(e), m.maskedCount());
      UnitMasking units = (UnitMasking) entity;
      List<TokenSpan> chosen = units.chooseUnits(input, budget, new SplittableRandom(s));
      for (TokenSpan entitySpan : entities) {
        if (chosen.contains(entitySpan)) {
          boolean[] flags = WholeWordMaskingTest.maskedFlags(e, m);
          for (int i = entitySpan.start(); i < entitySpan.end(); i++) {
            assertTrue(flags[i], "entity " + entitySpan + " partly masked");
          }
        }
      }
    }
    tally.assertFifteenPercent("entity");
  }

  @Test
  void rejectsEntitySpansOverSpecialTokens() {
    Encoding e = TestEncodings.encode(0, "Paris is nice");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new MaskingInput(e, List.of(new TokenSpan(0, 2))));
    assertTrue(error.getMessage().contains("[CLS]"), error.getMessage());
  }

  /** Non-overlapping spans of 1-3 whole words, about one word in five. */
  private static List<TokenSpan> randomEntities(Encoding e, SplittableRandom random) {
    List<TokenSpan> spans = new ArrayList<>();
    int i = 0;
    while (i < e.length()) {
      if (e.specialMask()[i] || random.nextDouble() > 0.2) {
        i++;
        continue;
      }
      int start = i;
      int words = 1 + random.nextInt(3);
      int type = e.typeIds()[i];
      while (i < e.length() && !e.specialMask()[i] && e.typeIds()[i] == type && words > 0) {
        int w = e.wordIds()[i];
        while (i < e.length() && e.wordIds()[i] == w) {
          i++;
        }
        words--;
      }
      spans.add(new TokenSpan(start, i));
      i++;
    }
    return spans;
  }
}
