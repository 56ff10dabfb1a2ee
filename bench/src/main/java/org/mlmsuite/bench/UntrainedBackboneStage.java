package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;

/**
 * The no-pretraining backbone ({@code mlm backbone init}): the same architecture and vocabulary
 * with random weights from the command's default seed, written as folder {@code out}.
 */
public record UntrainedBackboneStage(String vocab, boolean cased, String preset, String out) implements Stage {
  private static final long DEFAULT_SEED = 42;

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("backbone", "init"));
    if (cased) {
      args.add("--cased");
    }
    args.addAll(List.of("--vocab", vocab, "--preset", preset));
    args.addAll(Stage.out(out));
    return args;
  }

  public UntrainedBackbone.Request request(Path dir) {
    return new UntrainedBackbone.Request(Path.of(vocab), cased, preset, DEFAULT_SEED, dir.resolve(out));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new UntrainedBackboneStage(paths.apply(vocab), cased, preset, out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    ModelDirectory written = request(dir).write();
    System.out.printf("wrote untrained %s backbone (L%d/H%d, vocab %d) to %s%n", preset, written.config().numLayers(),
        written.config().hiddenSize(), written.config().vocabSize(), written.path());
  }
}
