package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlm metrics classification}: predicted labels (--hyp) against gold labels (--ref). */
@Command(
    name = "classification",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Accuracy, per-class and averaged precision/recall/F1, Matthews correlation and confusion matrix, "
        + "as scikit-learn computes them. --hyp holds predicted labels, --ref the gold labels, one per line.")
final class ClassificationMetricCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin MetricInputs inputs;

  @Option(names = "--labels", split = ",", paramLabel = "LABEL",
      description = "Label order for the report, comma-separated (default: every label seen, sorted); may add absent labels.")
  List<String> labels;

  @Override
  public Integer call() {
    if (inputs.referenceFiles().size() != 1) {
      throw new IllegalArgumentException("classification takes one --ref file of gold labels, got " + inputs.referenceFiles().size());
    }
    MetricInputs.Segments segments = inputs.read();
    List<String> predicted = labelsOf(segments.hypotheses(), inputs.hypothesisFile());
    List<String> gold = labelsOf(segments.referenceStreams().get(0), inputs.referenceFiles().get(0));
    ClassificationReport report = labels == null
        ? ClassificationMetrics.evaluate(gold, predicted)
        : ClassificationMetrics.evaluate(gold, predicted, labels);
    MetricsCommand.printJson(spec, null, report, true);
    return 0;
  }

  /** Labels without surrounding whitespace; an empty line is an error, not a label. */
  private static List<String> labelsOf(List<String> lines, Path file) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": empty label");
      }
    }
    return lines.stream().map(String::strip).toList();
  }
}
