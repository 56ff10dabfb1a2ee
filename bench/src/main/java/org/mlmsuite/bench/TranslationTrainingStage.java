package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationTraining;

/**
 * A BERT2BERT translator ({@code mlm translate train}), written as folder {@code out}. Zero
 * maxTrainPairs or evalEvery, null dev, maxDevPairs or seed: the command's defaults, left off its
 * command line.
 */
public record TranslationTrainingStage(String backbone, String train, int maxTrainPairs, String dev, int evalEvery,
    Integer maxDevPairs, long steps, int batchSize, double lr, Long seed, int maxSourceLength, int maxTargetLength,
    boolean noPretraining, String out) implements Stage {
  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("translate", "train", "--backbone", backbone, "--train", train));
    if (maxTrainPairs > 0) {
      args.addAll(List.of("--max-train-pairs", String.valueOf(maxTrainPairs)));
    }
    if (dev != null) {
      args.addAll(List.of("--dev", dev));
    }
    if (evalEvery > 0) {
      args.addAll(List.of("--eval-every", String.valueOf(evalEvery)));
    }
    if (maxDevPairs != null) {
      args.addAll(List.of("--max-dev-pairs", String.valueOf(maxDevPairs)));
    }
    args.addAll(List.of("--steps", String.valueOf(steps), "--batch-size", String.valueOf(batchSize),
        "--lr", BenchStagePlanner.number(lr)));
    if (seed != null) {
      args.addAll(List.of("--seed", String.valueOf(seed)));
    }
    args.addAll(List.of("--max-source-length", String.valueOf(maxSourceLength),
        "--max-target-length", String.valueOf(maxTargetLength)));
    if (noPretraining) {
      args.add("--no-pretraining");
    }
    args.addAll(Stage.out(out));
    return args;
  }

  public TranslationTraining.Request request(Path dir, boolean resume) {
    Seq2SeqTrainingConfig defaults = Seq2SeqTrainingConfig.defaults(steps);
    // withLengths also sets the saved generation defaults: beam 4, length penalty 1, max target length
    Seq2SeqTrainingConfig config = defaults.withBatch(batchSize, lr).withSeed(seed != null ? seed : defaults.seed())
        .withLengths(maxSourceLength, maxTargetLength)
        .withModel(defaults.labelSmoothing(), defaults.crossAttentionInitRange(), noPretraining)
        .withEvaluation(evalEvery, defaults.patience(), maxDevPairs != null ? maxDevPairs : defaults.maxDevExamples());
    return TranslationTraining.Request.defaults(Path.of(backbone), ParallelData.Input.of(train), dir.resolve(out))
        .withData(ParallelData.Input.of(dev), null, maxTrainPairs).withConfig(config).withResume(resume);
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new TranslationTrainingStage(paths.apply(backbone), paths.apply(train), maxTrainPairs,
        dev == null ? null : paths.apply(dev), evalEvery, maxDevPairs, steps, batchSize, lr, seed, maxSourceLength,
        maxTargetLength, noPretraining, out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    System.out.print(new TranslationTraining(Stage::message, TrainingProgress.toStderr()).run(request(dir, resume)).text());
  }

  @Override
  public boolean trains() {
    return true;
  }
}
