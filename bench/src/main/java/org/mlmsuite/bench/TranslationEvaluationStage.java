package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationDecoding;
import org.mlmsuite.translation.TranslationEvaluation;

/**
 * A translator scored with BLEU and chrF beside copying the source ({@code mlm translate eval}), on
 * {@code test} (a catalog name or file) or on line-aligned {@code sourceFile}/{@code targetFile};
 * zero maxTestPairs: all; empty beams: the model's. The report is written as folder {@code report}.
 */
public record TranslationEvaluationStage(String model, String test, String sourceFile, String targetFile,
    int maxTestPairs, List<Integer> beams, String report) implements Stage {
  public TranslationEvaluationStage {
    beams = List.copyOf(beams);
  }

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("translate", "eval", "--model", model));
    if (test != null) {
      args.addAll(List.of("--test", test));
    } else {
      args.addAll(List.of("--source-file", sourceFile, "--target-file", targetFile));
    }
    if (maxTestPairs > 0) {
      args.addAll(List.of("--max-test-pairs", String.valueOf(maxTestPairs)));
    }
    if (!beams.isEmpty()) {
      args.addAll(List.of("--beam", String.join(",", beams.stream().map(String::valueOf).toList())));
    }
    args.addAll(List.of("--report", OUT + "/" + report));
    return args;
  }

  public TranslationEvaluation.Request request(Path dir) {
    ParallelData.Input input = test != null ? ParallelData.Input.of(test) : ParallelData.Input.files(Path.of(sourceFile),
        Path.of(targetFile));
    return TranslationEvaluation.Request.defaults(Path.of(model), input).withData(null, maxTestPairs)
        .withDecoding(new TranslationDecoding(beams, null, null)).withOutputs(null, dir.resolve(report))
        .withCommandLine(Stage.resolved(this, dir));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new TranslationEvaluationStage(paths.apply(model), test == null ? null : paths.apply(test),
        sourceFile == null ? null : paths.apply(sourceFile), targetFile == null ? null : paths.apply(targetFile),
        maxTestPairs, beams, report);
  }

  @Override
  public void run(Path dir, boolean resume) throws IOException {
    System.out.print(TranslationEvaluation.run(request(dir), Stage::message).text());
  }
}
