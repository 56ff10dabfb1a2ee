package org.mlmsuite.backbone.model;

import java.util.HashSet;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt64;

/**
 * The two feeds that switch dropout on and make it reproducible. Both have defaults, so inference
 * feeds nothing and gets no dropout.
 *
 * <ul>
 *   <li>{@link #training()}: scalar bool, default false. Feed true on training steps.
 *   <li>{@link #seed()}: int64 {@code [2]}, default {@code [0, 0]}. Feed e.g. {@code [runSeed,
 *       step]} each step: masks are a pure function of (seed, site), so a resumed run replays
 *       the same masks.
 * </ul>
 *
 * Each dropout site gets its own seed {@code [seed[0] XOR hash(site), seed[1]]}; the XOR keeps
 * sites apart for any fed {@code seed[1]} (a step counter), and site names must be unique.
 */
public final class DropoutControl {
  private final Ops tf;
  private final PlaceholderWithDefault<TBool> training;
  private final PlaceholderWithDefault<TInt64> seed;
  private final Set<String> sites = new HashSet<>();

  private DropoutControl(Ops tf, PlaceholderWithDefault<TBool> training,
      PlaceholderWithDefault<TInt64> seed) {
    this.tf = tf;
    this.training = training;
    this.seed = seed;
  }

  /** Creates the placeholders {@code dropout_training} and {@code dropout_seed}. */
  public static DropoutControl create(Ops tf) {
    return new DropoutControl(tf,
        tf.withName("dropout_training").placeholderWithDefault(tf.constant(false), Shape.scalar()),
        tf.withName("dropout_seed").placeholderWithDefault(
            tf.constant(new long[] {0, 0}), Shape.of(2)));
  }

  public PlaceholderWithDefault<TBool> training() {
    return training;
  }

  public PlaceholderWithDefault<TInt64> seed() {
    return seed;
  }

  /** The {@code [2]} seed for one named dropout site; each site name may be used once. */
  Operand<TInt64> siteSeed(String site) {
    if (!sites.add(site)) {
      throw new IllegalStateException("duplicate dropout site '" + site + "'");
    }
    long hash = ParameterStore.nameHash("dropout:" + site);
    return tf.bitwise.bitwiseXor(seed, tf.constant(new long[] {hash, 0}));
  }
}
