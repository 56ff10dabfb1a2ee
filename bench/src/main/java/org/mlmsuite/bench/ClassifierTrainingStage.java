package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.ClassifierTrainingData;
import org.mlmsuite.classification.LabeledData;

/**
 * A fine-tuned classifier ({@code mlm classify train}), written as folder {@code out}. Null dev or
 * seed and zero maxTrainExamples or evalEvery: the command's defaults, left off its command line.
 */
public record ClassifierTrainingStage(String backbone, String train, String dev, int maxTrainExamples, long steps,
    int batchSize, int maxLength, double lr, Long seed, int evalEvery, boolean noPretraining, String out)
    implements Stage {
  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("classify", "train", "--backbone", backbone, "--train", train));
    if (dev != null) {
      args.addAll(List.of("--dev", dev));
    }
    if (maxTrainExamples > 0) {
      args.addAll(List.of("--max-train-examples", String.valueOf(maxTrainExamples)));
    }
    args.addAll(List.of("--steps", String.valueOf(steps), "--batch-size", String.valueOf(batchSize),
        "--max-length", String.valueOf(maxLength), "--lr", BenchStagePlanner.number(lr)));
    if (seed != null) {
      args.addAll(List.of("--seed", String.valueOf(seed)));
    }
    if (evalEvery > 0) {
      args.addAll(List.of("--eval-every", String.valueOf(evalEvery)));
    }
    if (noPretraining) {
      args.add("--no-pretraining");
    }
    args.addAll(Stage.out(out));
    return args;
  }

  public ClassifierTrainingData data() {
    return new ClassifierTrainingData(train, dev, maxTrainExamples, LabeledData.Options.defaults());
  }

  public ClassifierTrainingConfig config() {
    ClassifierTrainingConfig defaults = ClassifierTrainingConfig.defaults(steps);
    return defaults.withLearningRate(lr).withBatch(batchSize, maxLength)
        .withSeed(seed != null ? seed : defaults.seed()).withBackbone(defaults.freezeBackbone(), noPretraining)
        .withEvaluation(evalEvery, defaults.patience(), defaults.metric());
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new ClassifierTrainingStage(paths.apply(backbone), paths.apply(train), dev == null ? null : paths.apply(dev),
        maxTrainExamples, steps, batchSize, maxLength, lr, seed, evalEvery, noPretraining, out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    ClassifierTraining.Result result = new ClassifierTraining(Stage::message, TrainingProgress.toStderr())
        .run(data().request(Path.of(backbone), config(), dir.resolve(out), resume, false));
    System.out.print(result.text());
  }

  @Override
  public boolean trains() {
    return true;
  }
}
