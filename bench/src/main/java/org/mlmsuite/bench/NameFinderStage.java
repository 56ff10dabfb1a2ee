package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.ner.NameFinderTraining;
import org.mlmsuite.backbone.ner.NameFinderTrainingConfig;
import org.mlmsuite.datasets.CatalogFiles;

/**
 * The English name finder entity masking needs ({@code mlm ner train}), written as {@code out} in
 * the stage folder. Null iterations or cutoff: the command's defaults, and left off its command line.
 */
public record NameFinderStage(String conll, Integer iterations, Integer cutoff, String out) implements Stage {
  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("ner", "train", "--conll", conll));
    if (iterations != null) {
      args.addAll(List.of("--iterations", String.valueOf(iterations)));
    }
    if (cutoff != null) {
      args.addAll(List.of("--cutoff", String.valueOf(cutoff)));
    }
    args.addAll(Stage.out(out));
    return args;
  }

  public NameFinderTraining.Request request(Path dir) {
    NameFinderTrainingConfig defaults = NameFinderTrainingConfig.DEFAULT;
    return new NameFinderTraining.Request(CatalogFiles.single(conll, "train", "CoNLL"), new NameFinderTrainingConfig(
        iterations != null ? iterations : defaults.iterations(), cutoff != null ? cutoff : defaults.cutoff(),
        defaults.threads()), dir.resolve(out));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new NameFinderStage(paths.apply(conll), iterations, cutoff, out);
  }

  @Override
  public void run(Path dir, boolean resume) throws IOException {
    NameFinderTraining.Request request = request(dir);
    Duration took = NameFinderTraining.run(request, System.err::println);
    System.out.printf(Locale.ROOT, "wrote %s (trained in %.1f s)%n", request.out(), took.toMillis() / 1000.0);
    System.err.println(NameFinderTraining.TERMS_NOTICE);
  }
}
