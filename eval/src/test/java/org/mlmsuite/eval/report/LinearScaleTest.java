package org.mlmsuite.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScaleTest {
  @Test
  void mapsDomainEndsToRangeEnds() {
    LinearScale s = new LinearScale(2, 10, 300, 100);
    assertEquals(300, s.map(2), 1e-9);
    assertEquals(100, s.map(10), 1e-9);
    assertEquals(200, s.map(6), 1e-9);
  }

  @Test
  void ticksAreRoundNumbersInsideTheDomain() {
    assertEquals(List.of(3.0, 4.0, 5.0, 6.0), new LinearScale(2.31, 6.07, 0, 1).ticks(5));
    assertEquals(List.of(-0.2, -0.1, 0.0, 0.1), new LinearScale(-0.21, 0.13, 0, 1).ticks(4));
    assertEquals(List.of(500.0, 1000.0, 1500.0, 2000.0, 2500.0), new LinearScale(100, 2500, 0, 1).ticks(6));
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), new LinearScale(0, 1, 0, 1).ticks(5));
  }

  @Test
  void labelsUseTheStepsDecimalsOrScientificNotation() {
    assertEquals("0.5", LinearScale.label(0.5, 0.1));
    assertEquals("1500", LinearScale.label(1500, 500));
    assertEquals("2.0e-05", LinearScale.label(2e-5, 2e-5));
  }

  @Test
  void niceCeilingRoundsUp() {
    assertEquals(1.0, LinearScale.niceCeiling(0.935), 1e-12);
    assertEquals(30.0, LinearScale.niceCeiling(27.4), 1e-12);
    assertEquals(0.08, LinearScale.niceCeiling(0.071), 1e-12);
  }
}
