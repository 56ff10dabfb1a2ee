package org.mlmsuite.backbone.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.mlmsuite.backbone.text.Encoding;

/**
 * A strategy made of a {@link UnitChooser}: take the budget of the sequence, let the chooser pick
 * units, then corrupt each unit as a whole (80% [MASK], 10% random tokens, 10% unchanged by
 * default). For single-token units this is exactly BERT's per-token rule; for words, spans and
 * entities it is SpanBERT's per-span rule, so a unit is never half revealed.
 */
class UnitMasking implements MaskingStrategy {
  private final String name;
  private final UnitChooser chooser;
  private final MaskingRates rates;
  private final MaskingVocabulary vocabulary;

  UnitMasking(String name, UnitChooser chooser, MaskingRates rates, MaskingVocabulary vocabulary) {
    this.name = name;
    this.chooser = chooser;
    this.rates = rates;
    this.vocabulary = vocabulary;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public MaskedSequence mask(MaskingInput input, SplittableRandom random, double progress) {
    Encoding e = input.encoding();
    int budget = rates.budget(MaskableTokens.count(e));
    List<TokenSpan> units = new ArrayList<>(chooseUnits(input, budget, random));
    units.sort(Comparator.comparingInt(TokenSpan::start));
    int[] inputIds = e.ids().clone();
    int total = 0;
    for (TokenSpan u : units) {
      total += u.length();
    }
    int[] positions = new int[total];
    int[] labels = new int[total];
    int k = 0;
    for (TokenSpan unit : units) {
      double r = random.nextDouble();
      for (int i = unit.start(); i < unit.end(); i++) {
        positions[k] = i;
        labels[k] = e.ids()[i];
        k++;
        if (r < rates.maskTokenShare()) {
          inputIds[i] = vocabulary.maskId();
        } else if (r < rates.maskTokenShare() + rates.randomTokenShare()) {
          inputIds[i] = vocabulary.randomTokenId(random);
        }
      }
    }
    return new MaskedSequence(inputIds, positions, labels, name);
  }

  /** The chosen units in the order chosen (tests inspect them; masking sorts them). */
  List<TokenSpan> chooseUnits(MaskingInput input, int budget, SplittableRandom random) {
    return chooser.choose(input, new boolean[input.encoding().length()], budget, random);
  }

  MaskingRates rates() {
    return rates;
  }
}
