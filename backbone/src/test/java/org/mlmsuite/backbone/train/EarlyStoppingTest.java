package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  private static List<EarlyStopping.Decision> run(EarlyStopping policy, double... values) {
    EarlyStopping.State s = EarlyStopping.State.initial();
    List<EarlyStopping.Decision> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      s = policy.observe(s, (i + 1) * 100L, values[i]);
      out.add(policy.decision(s));
    }
    return out;
  }

  @Test
  void stopsAfterPatienceEvaluationsWithoutImprovement() {
    var d = run(EarlyStopping.maximize("accuracy", 2), 0.5, 0.6, 0.6, 0.55);
    assertEquals(List.of(EarlyStopping.Decision.IMPROVED, EarlyStopping.Decision.IMPROVED,
        EarlyStopping.Decision.NOT_IMPROVED, EarlyStopping.Decision.STOP), d);
  }

  @Test
  void anImprovementResetsTheCountAndIsRemembered() {
    EarlyStopping p = EarlyStopping.minimize("loss", 3);
    EarlyStopping.State s = EarlyStopping.State.initial();
    for (double v : new double[] {2.0, 2.5, 2.4, 1.5, 1.6}) {
      s = p.observe(s, 0, v);
    }
    assertEquals(1.5, s.best());
    assertEquals(1, s.evalsWithoutImprovement());
  }

  @Test
  void minDeltaIgnoresTinyGains() {
    var d = run(new EarlyStopping("bleu", true, 1, 0.1), 10.0, 10.05);
    assertEquals(List.of(EarlyStopping.Decision.IMPROVED, EarlyStopping.Decision.STOP), d);
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> EarlyStopping.maximize("f1", 0));
    assertThrows(IllegalArgumentException.class,
        () -> EarlyStopping.maximize("f1", 1).observe(EarlyStopping.State.initial(), 1, Double.NaN));
  }
}
