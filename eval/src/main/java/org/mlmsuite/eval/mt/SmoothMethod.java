package org.mlmsuite.eval.mt;

/**
 * BLEU smoothing for zero n-gram matches, after Chen and Cherry (WMT 2014), with sacreBLEU's names
 * and default values.
 */
public enum SmoothMethod {
  /** No smoothing: any order without a match makes BLEU 0 (unless effective order drops it). */
  NONE("none", null),
  /** Method 1: a zero count becomes {@code value} (default 0.1). */
  FLOOR("floor", 0.1),
  /** Method 2: {@code value} (default 1) is added to matches and totals for orders 2 and up. */
  ADD_K("add-k", 1.0),
  /** Method 3, NIST's (mteval-v13a.pl): the k-th zero precision becomes 1 / (2^k * total). */
  EXP("exp", null);

  private final String signature;
  private final Double defaultValue;

  SmoothMethod(String signature, Double defaultValue) {
    this.signature = signature;
    this.defaultValue = defaultValue;
  }

  /** sacreBLEU's name for the method ({@code exp}, {@code floor}, {@code add-k}, {@code none}). */
  public String signature() {
    return signature;
  }

  /** Whether the method takes a value ({@code floor} and {@code add-k} do). */
  public boolean takesValue() {
    return defaultValue != null;
  }

  /** The value used when none is given; {@code null} for methods without a value. */
  public Double defaultValue() {
    return defaultValue;
  }

  /** The method with the given sacreBLEU name. */
  public static SmoothMethod fromName(String name) {
    for (SmoothMethod m : values()) {
      if (m.signature.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown smoothing method '" + name + "' (expected one of exp, floor, add-k, none)");
  }
}
