package org.mlmsuite.cli;

import org.mlmsuite.classification.ClassifierTrainingConfig;
import picocli.CommandLine.Option;

/**
 * The options every classifier-training command shares ({@code classify train}, {@code distill}),
 * as a picocli mixin: the one Trainer's steps, sizes, learning rate and seed, the dev cadence and
 * early stopping, and the resume/overwrite rules of {@code --out}.
 */
final class ClassifierTrainingOptions {
  @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--batch-size", defaultValue = "32", description = "Examples per step (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--lr", defaultValue = "5e-5", description = "Peak learning rate (default ${DEFAULT-VALUE}); 10%% warmup, linear decay.")
  double lr;

  @Option(names = "--max-length", defaultValue = "128", description = "Tokens per example (window) incl. [CLS]/[SEP]; longer inputs are truncated, or read as classify train's --long-text says (default ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for init, data order and dropout (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-every", defaultValue = "0", description = "Steps between dev evaluations (default: only at the end).")
  int evalEvery;

  @Option(names = "--patience", defaultValue = "0", description = "Stop after this many dev evaluations without improvement (0: never stop early).")
  int patience;

  @Option(names = "--metric", defaultValue = "accuracy", description = "Dev metric for early stopping and the best checkpoint: accuracy or macro_f1.")
  String metric;

  @Option(names = "--checkpoint-every", defaultValue = "0", description = "Steps between resumable checkpoints (0: at the end, and at each new best).")
  int checkpointEvery;

  @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
  boolean overwrite;

  /** These options over the library's defaults (no class weights, full fine-tuning from the backbone's weights). */
  ClassifierTrainingConfig config() {
    return ClassifierTrainingConfig.defaults(steps).withLearningRate(lr).withBatch(batchSize, maxLength)
        .withSeed(seed).withEvaluation(evalEvery, patience, metric).withCheckpointEvery(checkpointEvery);
  }
}
