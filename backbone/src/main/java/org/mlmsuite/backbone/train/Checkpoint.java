package org.mlmsuite.backbone.train;

import java.nio.file.Path;

/**
 * One checkpoint directory: {@code variables.index}, {@code variables.data-*} (every graph
 * variable: weights, Adam slots, step) and {@code trainer-state.json}.
 */
public record Checkpoint(Path directory, long step) {
  static final String VARIABLES = "variables";
  static final String STATE_FILE = "trainer-state.json";

  /** The TF checkpoint prefix, for {@code session.restore} and {@link WeightLoader}. */
  public String prefix() {
    return directory.resolve(VARIABLES).toString();
  }
}
