package org.mlmsuite.backbone.train;

/**
 * One optimizer step: {@code step} counts updates applied so far (1 after the first), {@code loss}
 * is the mean micro-batch loss before the update, {@code gradNorm} the global norm before clipping.
 */
public record StepMetrics(long step, double loss, double learningRate, double gradNorm, long units) {}
