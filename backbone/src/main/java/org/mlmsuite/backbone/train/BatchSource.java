package org.mlmsuite.backbone.train;

/**
 * An endless, deterministic stream of micro-batches (it starts a new epoch by itself). The trainer
 * pulls {@code gradientAccumulationSteps} batches per optimizer step.
 *
 * <p>{@link #position()} is an opaque string saved in every checkpoint; {@link #seek(String)} with
 * it must make the following {@link #next()} calls return exactly what they would have returned
 * in the run that saved it. This is what makes resumed runs reproduce the uninterrupted loss curve.
 */
public interface BatchSource<B> {

  B next();

  String position();

  void seek(String position);
}
