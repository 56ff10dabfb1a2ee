package org.mlmsuite.backbone.train;

import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * Initialises some variables of a fresh run from elsewhere (e.g. a pretrained backbone through
 * {@link WeightLoader}). Applied once, after the initializers ran, and never on resume (a resumed
 * run restores everything from its own checkpoint).
 */
@FunctionalInterface
public interface WarmStart {

  void apply(Session session, Graph graph);
}
