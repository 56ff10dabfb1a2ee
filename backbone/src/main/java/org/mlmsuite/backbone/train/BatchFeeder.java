package org.mlmsuite.backbone.train;

/** Turns one micro-batch into placeholder feeds. */
@FunctionalInterface
public interface BatchFeeder<B> {

  /**
   * Puts the batch's tensors into {@code feeds} (which owns and closes them) and returns how many
   * throughput units the batch holds (examples, or tokens for language modelling; see {@link
   * TrainingObjective#throughputUnit()}).
   */
  long feed(B batch, Feeds feeds);
}
