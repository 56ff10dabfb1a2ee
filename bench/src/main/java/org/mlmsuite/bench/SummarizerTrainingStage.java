package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.summarization.SummarizerTraining;
import org.mlmsuite.summarization.SummaryData;

/**
 * A summarizer ({@code mlm summarize train}), extractive or abstractive, written as folder
 * {@code out}. Extractive reads whole documents up to {@code maxLength}; abstractive truncates its
 * source to {@code maxSourceLength} and bounds its target by {@code maxTargetLength}. Zero
 * maxTrainExamples and null seed or lengths: the command's defaults, left off its command line.
 */
public record SummarizerTrainingStage(String mode, String backbone, String train, int maxTrainExamples, long steps,
    int batchSize, double lr, Long seed, Integer maxLength, Integer maxSourceLength, Integer maxTargetLength,
    boolean noPretraining, String out) implements Stage {
  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("summarize", "train", "--backbone", backbone, "--train", train,
        "--mode", mode));
    if (maxTrainExamples > 0) {
      args.addAll(List.of("--max-train-examples", String.valueOf(maxTrainExamples)));
    }
    args.addAll(List.of("--steps", String.valueOf(steps), "--batch-size", String.valueOf(batchSize),
        "--lr", BenchStagePlanner.number(lr)));
    if (seed != null) {
      args.addAll(List.of("--seed", String.valueOf(seed)));
    }
    if (maxSourceLength != null) {
      args.addAll(List.of("--max-source-length", String.valueOf(maxSourceLength)));
    }
    if (maxTargetLength != null) {
      args.addAll(List.of("--max-target-length", String.valueOf(maxTargetLength)));
    }
    if (maxLength != null) {
      args.addAll(List.of("--max-length", String.valueOf(maxLength)));
    }
    if (noPretraining) {
      args.add("--no-pretraining");
    }
    args.addAll(Stage.out(out));
    return args;
  }

  public SummarizerTraining.Request request(Path dir, boolean resume) {
    SummarizerTraining.Request defaults = SummarizerTraining.Request.defaults(SummarizerTraining.Mode.parse(mode),
        Path.of(backbone), train, dir.resolve(out));
    SummarizerTraining.Extractive extractive = defaults.extractive();
    return defaults.withData(SummaryData.ReadOptions.DEFAULTS, maxTrainExamples).withSteps(steps, batchSize, lr)
        .withSeed(seed != null ? seed : defaults.seed(), noPretraining).withResume(resume)
        .with(new SummarizerTraining.Extractive(extractive.k(), extractive.oracleK(), extractive.splitPolicy(),
            maxLength != null ? maxLength : extractive.maxLength(), extractive.trigramBlocking(),
            extractive.checkpointEvery()))
        .with(defaults.abstractive().withLengths(maxSourceLength, maxTargetLength));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new SummarizerTrainingStage(mode, paths.apply(backbone), paths.apply(train), maxTrainExamples, steps,
        batchSize, lr, seed, maxLength, maxSourceLength, maxTargetLength, noPretraining, out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    System.out.print(new SummarizerTraining(Stage::message, TrainingProgress.toStderr()).run(request(dir, resume)).text());
  }

  @Override
  public boolean trains() {
    return true;
  }
}
