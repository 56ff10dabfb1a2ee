package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearWarmupDecayScheduleTest {

  @Test
  void matchesHuggingFaceLinearScheduleWithWarmup() {
    // transformers tests/optimization/test_optimization.py: lr 10, warmup 2, total 10.
    double[] expected = {0.0, 5.0, 10.0, 8.75, 7.5, 6.25, 5.0, 3.75, 2.5, 1.25};
    LinearWarmupDecaySchedule s = new LinearWarmupDecaySchedule(10, 2, 10);
    double[] actual = new double[expected.length];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = s.learningRate(i);
    }
    assertArrayEquals(expected, actual, 1e-12);
  }

  @Test
  void handComputedPoints() {
    LinearWarmupDecaySchedule s = new LinearWarmupDecaySchedule(1e-4, 10, 100);
    assertEquals(0, s.learningRate(0), 0);
    assertEquals(5e-5, s.learningRate(5), 1e-18);
    assertEquals(1e-4, s.learningRate(10), 1e-18);
    assertEquals(5e-5, s.learningRate(55), 1e-18);
    assertEquals(0, s.learningRate(100), 0);
    assertEquals(0, s.learningRate(150), 0);
    LinearWarmupDecaySchedule noWarmup = new LinearWarmupDecaySchedule(2, 0, 4);
    assertArrayEquals(new double[] {2, 1.5, 1, 0.5, 0},
        new double[] {noWarmup.learningRate(0), noWarmup.learningRate(1), noWarmup.learningRate(2),
            noWarmup.learningRate(3), noWarmup.learningRate(4)}, 1e-15);
  }

  @Test
  void rejectsWarmupLongerThanTraining() {
    assertThrows(IllegalArgumentException.class, () -> new LinearWarmupDecaySchedule(1, 11, 10));
  }
}
