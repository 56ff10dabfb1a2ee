package org.mlmsuite.backbone.model;

import org.tensorflow.op.Ops;

/**
 * What every block needs to build itself: where its parameters go (a {@link ParameterStore} view
 * whose prefix is the block's module path), the dropout feeds, and the config.
 */
public record BlockContext(ParameterStore params, DropoutControl dropout, TransformerConfig config) {

  /** A root context: fresh parameter store seeded by {@code seed}, fresh dropout placeholders. */
  public static BlockContext create(Ops tf, TransformerConfig config, long seed) {
    return new BlockContext(ParameterStore.create(tf, seed, config.initializerRange()),
        DropoutControl.create(tf), config);
  }

  public Ops tf() {
    return params.ops();
  }

  /** The context of a sub-module, e.g. {@code child("encoder")}. */
  public BlockContext child(String segment) {
    return new BlockContext(params.child(segment), dropout, config);
  }

  /** Same module path, but parameters are looked up instead of created (weight sharing). */
  public BlockContext reusing() {
    return new BlockContext(params.reusing(), dropout, config);
  }

  /** Same module path, new weights drawn with another std. */
  public BlockContext withInitializerRange(double range) {
    return new BlockContext(params.withInitializerRange(range), dropout, config);
  }

  /** A dropout site named after this module path plus {@code name}. */
  public Dropout dropout(String name, double rate) {
    return new Dropout(tf(), dropout, params.qualify(name), rate);
  }
}
