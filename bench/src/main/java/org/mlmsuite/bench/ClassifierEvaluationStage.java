package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.classification.ClassifierEvaluation;
import org.mlmsuite.classification.LabeledData;

/**
 * A classifier scored on test data beside baselines ({@code mlm classify eval}): {@code baselines}
 * trained on {@code baselineTrain} (null: the model's training data) and other classifier folders,
 * with the report written as folder {@code report}.
 */
public record ClassifierEvaluationStage(String model, String test, List<String> baselines, String baselineTrain,
    List<String> baselineModels, String report) implements Stage {
  public ClassifierEvaluationStage {
    baselines = List.copyOf(baselines);
    baselineModels = List.copyOf(baselineModels);
  }

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("classify", "eval", "--model", model, "--test", test));
    baselines.forEach(b -> args.addAll(List.of("--baseline", b)));
    if (baselineTrain != null) {
      args.addAll(List.of("--baseline-train", baselineTrain));
    }
    baselineModels.forEach(m -> args.addAll(List.of("--baseline-model", m)));
    args.addAll(List.of("--report", OUT + "/" + report));
    return args;
  }

  /** The request, its provenance recording {@code mlm} and the command line run in {@code dir}. */
  public ClassifierEvaluation.Request request(Path dir) {
    List<String> command = new ArrayList<>(List.of("mlm"));
    command.addAll(Stage.resolved(this, dir));
    return new ClassifierEvaluation.Request(Path.of(model), test, baselines, baselineTrain,
        baselineModels.stream().map(Path::of).toList(), LabeledData.Options.defaults(), dir.resolve(report), command);
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new ClassifierEvaluationStage(paths.apply(model), paths.apply(test), baselines,
        baselineTrain == null ? null : paths.apply(baselineTrain), baselineModels.stream().map(paths).toList(), report);
  }

  @Override
  public void run(Path dir, boolean resume) {
    System.out.print(ClassifierEvaluation.run(request(dir), Stage::message).text());
  }
}
