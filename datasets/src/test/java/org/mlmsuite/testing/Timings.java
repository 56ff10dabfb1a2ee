package org.mlmsuite.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall times of repeated runs of one measured operation (shipped in the datasets test-jar for
 * every module's benchmarks), and whether their median is a measurement worth quoting: enough
 * timed repetitions, most of which agree with it.
 */
public record Timings(String what, double[] millis) {
  /**
   * The largest accepted median absolute deviation, as a share of the median. Beyond it the
   * repetitions disagree and the figure says more about what else the machine was doing than about
   * the code. A median deviation, unlike the min-max range, lets one repetition hit by a garbage
   * collection or another process pass, as it leaves the median unchanged too.
   */
  public static final double MAX_DEVIATION = 0.15;

  /** The fewest timed repetitions a median and a spread are taken from. */
  public static final int MIN_REPETITIONS = 3;

  public Timings {
    millis = millis.clone();
  }

  public static Timings of(String what, List<Double> millis) {
    return new Timings(what, millis.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Runs {@code run} {@code repetitions} times, timing each run. */
  public static Timings measure(String what, int repetitions, Runnable run) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      run.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return of(what, millis);
  }

  public double median() {
    double[] v = sorted();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  public double min() {
    return sorted()[0];
  }

  public double max() {
    return sorted()[millis.length - 1];
  }

  /** Median of |repetition - median|, divided by the median. */
  public double deviation() {
    double median = median();
    return new Timings(what, Arrays.stream(millis).map(m -> Math.abs(m - median)).toArray()).median() / median;
  }

  /** Fails unless there are {@link #MIN_REPETITIONS} repetitions and they deviate from their median by at most {@link #MAX_DEVIATION}. */
  public Timings assertValid() {
    assertTrue(millis.length >= MIN_REPETITIONS, what + ": " + millis.length + " timed repetitions, need " + MIN_REPETITIONS);
    assertTrue(deviation() <= MAX_DEVIATION, String.format(Locale.ROOT, "%s: median deviation %.2f of the median, more than %.2f:"
        + " the machine is too busy for this measurement", this, deviation(), MAX_DEVIATION));
    return this;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: median %.2f ms, %.2f-%.2f ms over %d repetitions", what, median(), min(), max(),
        millis.length);
  }

  private double[] sorted() {
    double[] v = millis.clone();
    Arrays.sort(v);
    return v;
  }
}
