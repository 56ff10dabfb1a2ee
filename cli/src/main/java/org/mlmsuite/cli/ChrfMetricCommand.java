package org.mlmsuite.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.mt.Chrf;
import org.mlmsuite.eval.mt.ChrfOptions;
import org.mlmsuite.eval.mt.ChrfScore;
import org.mlmsuite.eval.mt.SegmentText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlm metrics chrf}: sacreBLEU's chrF, or chrF++ with {@code --word-order 2}. */
@Command(
    name = "chrf",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "chrF / chrF++ exactly as sacreBLEU computes them; prints score, statistics and signature as JSON.")
final class ChrfMetricCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin MetricInputs inputs;

  @Option(names = {"--word-order", "-cw"}, defaultValue = "0", paramLabel = "N",
      description = "Word n-gram order: 0 for chrF, 2 for chrF++ (default: ${DEFAULT-VALUE}).")
  int wordOrder;

  @Option(names = {"--char-order", "-cc"}, defaultValue = "6", paramLabel = "N",
      description = "Character n-gram order (default: ${DEFAULT-VALUE}).")
  int charOrder;

  @Option(names = "--beta", defaultValue = "2", paramLabel = "B",
      description = "Recall weight relative to precision (default: ${DEFAULT-VALUE}).")
  int beta;

  @Option(names = {"--lowercase", "-lc"}, description = "Lowercase hypotheses and references.")
  boolean lowercase;

  @Option(names = "--whitespace", description = "Keep whitespace inside character n-grams.")
  boolean whitespace;

  @Option(names = "--eps-smoothing",
      description = "Epsilon smoothing as chrF++.py, NLTK and Moses, instead of sacreBLEU's effective order.")
  boolean epsSmoothing;

  @Option(names = {"--sentence", "-sl"}, description = "Print one JSON line per segment.")
  boolean sentence;

  @Override
  public Integer call() {
    ChrfOptions options = new ChrfOptions(charOrder, wordOrder, beta, lowercase, whitespace, epsSmoothing);
    MetricInputs.Segments segments = inputs.read();
    List<String> hyps = segments.hypotheses().stream().map(SegmentText::stripTrailingWhitespace).toList();
    List<List<String>> refs = segments.referenceStreams().stream()
        .map(stream -> stream.stream().map(SegmentText::stripTrailingWhitespace).toList()).toList();
    if (sentence) {
      for (ChrfScore s : Chrf.sentences(hyps, refs, options)) {
        MetricsCommand.printJson(spec, null, s, false);
      }
    } else {
      MetricsCommand.printJson(spec, null, Chrf.corpus(hyps, refs, options), true);
    }
    return 0;
  }
}
