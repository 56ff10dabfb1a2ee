package org.mlmsuite.backbone.train;

import java.nio.file.Path;
import java.util.List;

/**
 * A toy training run in its own JVM, checkpointing every step, for the kill-and-resume test.
 * Arguments: output directory, total steps. Resumes if the directory holds a run.
 */
public final class ToyTrainingMain {
  static final int FEATURES = 6;
  static final List<ToyModels.Example> TRAIN = ToyModels.data(96, FEATURES, 1);
  static final List<ToyModels.Example> DEV = ToyModels.data(32, FEATURES, 2);

  static TrainingConfig config(long totalSteps, int checkpointEvery) {
    return ToyModels.config(totalSteps, 2, 8).withCadence(1, 10, checkpointEvery, 2);
  }

  static Trainer.Builder<List<ToyModels.Example>> trainer(Path dir, TrainingConfig config) {
    return Trainer.builder(config, dir, ToyModels.mlpClassifier(FEATURES, 8, DEV),
            new ShuffledBatchSource<>(TRAIN, config.batchSize(), config.seed()))
        .progress(TrainingProgress.silent())
        .earlyStopping(EarlyStopping.maximize("accuracy", 1000))
        .resume(true);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long steps = Long.parseLong(args[1]);
    try (var t = trainer(dir, config(steps, 1)).onStep(m -> pause()).build()) {
      System.out.println("started at step " + t.step());
      t.train();
    }
  }

  /** Spreads the run over time so that a kill can land anywhere, including mid-checkpoint. */
  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
