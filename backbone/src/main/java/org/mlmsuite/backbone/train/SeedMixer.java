package org.mlmsuite.backbone.train;

/** Derives independent 64-bit seeds from (seed, counter) with SplitMix64's finaliser. */
public final class SeedMixer {
  private SeedMixer() {}

  public static long mix(long seed, long counter) {
    long z = seed + 0x9E3779B97F4A7C15L * (counter + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
