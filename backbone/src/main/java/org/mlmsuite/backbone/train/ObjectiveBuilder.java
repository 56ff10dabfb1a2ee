package org.mlmsuite.backbone.train;

import org.tensorflow.op.Ops;

/**
 * Builds a task's training graph into a fresh graph. The trainer calls it once per graph it
 * creates (a fresh run, or a resume in a new process), so it must be deterministic: same variable
 * names and same initial values every time.
 */
@FunctionalInterface
public interface ObjectiveBuilder<B> {

  TrainingObjective<B> build(Ops tf);
}
