package org.mlmsuite.backbone.train;

import java.util.Map;
import java.util.Optional;

/** How a {@link Trainer#train()} call ended. */
public record TrainingSummary(
    long step,
    double lastLoss,
    boolean stoppedEarly,
    Checkpoint lastCheckpoint,
    Optional<Checkpoint> bestCheckpoint,
    Map<String, Double> lastEval,
    double elapsedSeconds) {}
