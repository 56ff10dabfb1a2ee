package org.mlmsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, sample SD, pooled SD and the seed-spread verdict against hand-computed values. */
class AblationStatisticsTest {
  @Test
  void sampleStandardDeviationUsesNMinusOne() {
    // 0.80, 0.82, 0.84: mean 0.82, squared deviations 0.0004 + 0 + 0.0004, / (3 - 1) -> SD 0.02
    AblationStatistics.Summary s = AblationStatistics.Summary.of(List.of(0.80, 0.82, 0.84));
    assertEquals(0.82, s.mean(), 1e-12);
    assertEquals(0.02, s.sd(), 1e-12);
    assertEquals(3, s.n());
    assertTrue(Double.isNaN(AblationStatistics.Summary.of(List.of(0.5)).sd()));
    assertThrows(IllegalArgumentException.class, () -> AblationStatistics.Summary.of(List.of()));
  }

  @Test
  void aDifferenceBeyondTwoPooledSdsExceedsTheSpread() {
    AblationStatistics.Summary random = AblationStatistics.Summary.of(List.of(0.80, 0.82, 0.84)); // SD 0.02
    AblationStatistics.Summary span = AblationStatistics.Summary.of(List.of(0.86, 0.87, 0.88));   // mean 0.87, SD 0.01
    // pooled SD = sqrt((2 * 0.0004 + 2 * 0.0001) / 4) = sqrt(0.00025) = 0.0158114; 2x = 0.0316 < 0.05
    assertEquals(Math.sqrt(0.00025), AblationStatistics.pooledSd(span, random), 1e-12);
    AblationStatistics.Comparison c = AblationStatistics.compare(span, random);
    assertEquals(0.05, c.difference(), 1e-12);
    assertEquals(AblationStatistics.Verdict.EXCEEDS_SPREAD, c.verdict());
    String line = AblationStatistics.statement("span", "random", "accuracy", c);
    assertEquals("span vs random: +0.0500 accuracy, which exceeds the seed spread (|difference| > 2 x pooled SD = 0.0316):"
        + " span is better here.", line);
  }

  @Test
  void aDifferenceInsideTheSpreadIsNotCalled() {
    AblationStatistics.Summary random = AblationStatistics.Summary.of(List.of(0.80, 0.82, 0.84));
    AblationStatistics.Summary entity = AblationStatistics.Summary.of(List.of(0.79, 0.81, 0.83)); // mean 0.81, SD 0.02
    // pooled SD 0.02, 2x = 0.04 > |-0.01|
    AblationStatistics.Comparison c = AblationStatistics.compare(entity, random);
    assertEquals(0.02, c.pooledSd(), 1e-12);
    assertEquals(AblationStatistics.Verdict.WITHIN_SPREAD, c.verdict());
    assertTrue(AblationStatistics.statement("entity", "random", "accuracy", c)
        .startsWith("entity vs random: -0.0100 accuracy, within the seed spread (2 x pooled SD = 0.0400)"));
  }

  @Test
  void oneSeedLeavesTheSpreadUnknown() {
    AblationStatistics.Comparison c = AblationStatistics.compare(AblationStatistics.Summary.of(List.of(0.9)),
        AblationStatistics.Summary.of(List.of(0.5)));
    assertEquals(AblationStatistics.Verdict.SPREAD_UNKNOWN, c.verdict());
    assertTrue(AblationStatistics.statement("span", "random", "accuracy", c).contains("the seed spread is unknown (one seed)"));
  }
}
