package org.mlmsuite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TimingsTest {
  @Test
  void medianAndDeviationOfTheRepetitions() {
    Timings t = new Timings("step", new double[] {12, 10, 11, 30});
    assertEquals(11.5, t.median(), 1e-12);
    // deviations 0.5, 1.5, 0.5, 18.5: median 1.0
    assertEquals(1.0 / 11.5, t.deviation(), 1e-12);
  }

  @Test
  void tooFewOrTooScatteredRepetitionsAreNoMeasurement() {
    new Timings("quiet", new double[] {10, 10.5, 11, 12}).assertValid();
    new Timings("one repetition hit by a collection", new double[] {10, 10.2, 32}).assertValid();
    assertThrows(AssertionFailedError.class, () -> new Timings("two", new double[] {10, 10}).assertValid());
    assertThrows(AssertionFailedError.class, () -> new Timings("busy", new double[] {10, 12, 16}).assertValid());
  }
}
