package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.pretrain.Pretraining;
import org.mlmsuite.backbone.pretrain.PretrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.eval.report.LossCurve;

/**
 * A masked-LM pretrained backbone ({@code mlm pretrain} from scratch), written as folder {@code out}
 * in the stage folder. {@code ner} is null unless the masking needs entities; a null seed is the
 * command's default and left off its command line.
 */
public record PretrainingStage(List<String> corpus, String vocab, boolean cased, String ner, String masking, String preset,
    long steps, int batchSize, int seqLength, double lr, Long seed, int evalEvery, int checkpointEvery, String out)
    implements Stage {
  /** The command's defaults for what the stages never set. */
  private static final long DEFAULT_SEED = 42;
  private static final double HELD_OUT_FRACTION = 0.01;

  public PretrainingStage {
    corpus = List.copyOf(corpus);
  }

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("pretrain"));
    corpus.forEach(c -> args.addAll(List.of("--corpus", c)));
    args.addAll(List.of("--vocab", vocab));
    if (cased) {
      args.add("--cased");
    }
    if (ner != null) {
      args.addAll(List.of("--ner", ner));
    }
    args.addAll(List.of("--masking", masking, "--preset", preset, "--steps", String.valueOf(steps),
        "--batch-size", String.valueOf(batchSize), "--seq-length", String.valueOf(seqLength),
        "--lr", BenchStagePlanner.number(lr)));
    if (seed != null) {
      args.addAll(List.of("--seed", String.valueOf(seed)));
    }
    args.addAll(List.of("--eval-every", String.valueOf(evalEvery), "--checkpoint-every", String.valueOf(checkpointEvery)));
    args.addAll(Stage.out(out));
    return args;
  }

  public PretrainingConfig config() {
    return new PretrainingConfig(corpus, vocab, cased, ner, masking, preset, steps, batchSize, seqLength, lr,
        seed != null ? seed : DEFAULT_SEED, evalEvery > 0 ? evalEvery : (int) steps, checkpointEvery, HELD_OUT_FRACTION, null);
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new PretrainingStage(corpus.stream().map(paths).toList(), paths.apply(vocab), cased,
        ner == null ? null : paths.apply(ner), masking, preset, steps, batchSize, seqLength, lr, seed, evalEvery,
        checkpointEvery, out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    Pretraining.Result result = new Pretraining(System.err::println, TrainingProgress.toStderr().afterEachCheckpoint(LossCurve::write))
        .run(config(), null, dir.resolve(out), resume, false);
    LossCurve.write(dir.resolve(out)); // as mlm pretrain draws it: backbone has no chart writer
    System.out.println(result.describe());
  }

  @Override
  public boolean trains() {
    return true;
  }
}
