package org.mlmsuite.backbone.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ERNIE-style entity masking: whole entity spans in random order, skipping any that would exceed
 * the budget or overlap an entity already taken; the rest of the budget goes to {@code fill}.
 */
final class EntityChooser implements UnitChooser {
  private final UnitChooser fill;

  EntityChooser(UnitChooser fill) {
    this.fill = fill;
  }

  @Override
  public List<TokenSpan> choose(MaskingInput input, boolean[] taken, int budget, SplittableRandom random) {
    List<TokenSpan> entities = new ArrayList<>(input.entitySpans());
    for (int k = entities.size() - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      entities.set(j, entities.set(k, entities.get(j)));
    }
    List<TokenSpan> units = new ArrayList<>();
    int remaining = budget;
    for (TokenSpan entity : entities) {
      if (entity.length() > remaining || anyTaken(taken, entity)) {
        continue;
      }
      for (int i = entity.start(); i < entity.end(); i++) {
        taken[i] = true;
      }
      remaining -= entity.length();
      units.add(entity);
    }
    units.addAll(fill.choose(input, taken, remaining, random));
    return units;
  }

  private static boolean anyTaken(boolean[] taken, TokenSpan span) {
    for (int i = span.start(); i < span.end(); i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }
}
