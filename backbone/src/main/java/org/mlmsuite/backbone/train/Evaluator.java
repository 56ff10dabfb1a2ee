package org.mlmsuite.backbone.train;

import java.util.Map;
import org.tensorflow.Session;

/**
 * Scores the current weights on held-out data. Runs in the trainer's session; must not change any
 * variable. Returns metric name to value (e.g. {@code dev_loss}, {@code accuracy}).
 */
@FunctionalInterface
public interface Evaluator {

  Map<String, Double> evaluate(Session session);
}
