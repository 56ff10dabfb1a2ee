package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class MixtureMaskingTest {
  private static final List<String> NAMES = List.of("random", "span", "entity");

  @Test
  void realisedProportionsMatchConstantWeights() {
    MaskingStrategy mixture = MaskingConfig.parse("mixture:random=0.5,span=0.3,entity=0.2")
        .create(TestEncodings.vocabulary());
    assertProportions(mixture, 0.0, new double[] {0.5, 0.3, 0.2});
    assertProportions(mixture, 0.7, new double[] {0.5, 0.3, 0.2});
  }

  @Test
  void realisedProportionsFollowTheSchedule() {
    MaskingStrategy mixture = MaskingConfig.parse("mixture:random=1..0.2,span=0..0.5,entity=0..0.3")
        .create(TestEncodings.vocabulary());
    assertProportions(mixture, 0.0, new double[] {1.0, 0.0, 0.0});
    assertProportions(mixture, 0.5, new double[] {0.6, 0.25, 0.15});
    assertProportions(mixture, 1.0, new double[] {0.2, 0.5, 0.3});
  }

  @Test
  void scheduleInterpolatesPiecewiseLinearlyAndNormalises() {
    MaskingSchedule schedule = new MaskingSchedule(List.of(
        new MaskingSchedule.Point(0.0, List.of(1.0, 0.0)),
        new MaskingSchedule.Point(0.5, List.of(1.0, 1.0)),
        new MaskingSchedule.Point(1.0, List.of(0.0, 3.0))));
    assertArrayEquals(new double[] {1, 0}, schedule.weightsAt(-1), 1e-12);
    assertArrayEquals(new double[] {1 / 1.5, 0.5 / 1.5}, schedule.weightsAt(0.25), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, schedule.weightsAt(0.5), 1e-12);
    assertArrayEquals(new double[] {0.5 / 2.5, 2 / 2.5}, schedule.weightsAt(0.75), 1e-12);
    assertArrayEquals(new double[] {0, 1}, schedule.weightsAt(2), 1e-12);
  }

  @Test
  void scheduleRejectsBadPoints() {
    assertThrows(IllegalArgumentException.class, () -> new MaskingSchedule(List.of(
        new MaskingSchedule.Point(0.5, List.of(1.0)), new MaskingSchedule.Point(0.5, List.of(1.0)))));
    assertThrows(IllegalArgumentException.class, () -> new MaskingSchedule.Point(0, List.of(0.0, 0.0)));
    assertThrows(IllegalArgumentException.class, () -> new MaskingSchedule.Point(0, List.of(-1.0, 2.0)));
  }

  /** Chi-square over the strategies with non-zero weight; a zero weight must never be drawn. */
  private static void assertProportions(MaskingStrategy mixture, double progress, double[] weights) {
    SplittableRandom data = new SplittableRandom(7);
    long[] counts = new long[3];
    int n = 6000;
    for (int s = 0; s < n; s++) {
      Encoding e = TestEncodings.randomEncoding(data);
      MaskedSequence m = mixture.mask(MaskingInput.of(e), new SplittableRandom(s), progress);
      MaskingAssertions.assertWellFormed(e, m);
      counts[NAMES.indexOf(m.strategy())]++;
    }
    int used = 0;
    for (int k = 0; k < 3; k++) {
      if (weights[k] == 0) {
        assertTrue(counts[k] == 0, "zero-weight strategy drawn: " + Arrays.toString(counts));
      } else {
        used++;
      }
    }
    if (used < 2) {
      return;
    }
    long[] observed = Arrays.stream(new int[] {0, 1, 2}).filter(k -> weights[k] > 0).mapToLong(k -> counts[k]).toArray();
    double[] expected = Arrays.stream(weights).filter(w -> w > 0).toArray();
    double chi = ChiSquare.statistic(observed, expected);
    assertTrue(chi < ChiSquare.critical999(used - 1),
        "progress " + progress + ": " + Arrays.toString(counts) + " vs " + Arrays.toString(weights));
  }
}
