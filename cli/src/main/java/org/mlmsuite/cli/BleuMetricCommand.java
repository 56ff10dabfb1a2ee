package org.mlmsuite.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.mt.Bleu;
import org.mlmsuite.eval.mt.BleuOptions;
import org.mlmsuite.eval.mt.BleuScore;
import org.mlmsuite.eval.mt.BleuTokenizer;
import org.mlmsuite.eval.mt.SegmentText;
import org.mlmsuite.eval.mt.SmoothMethod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlm metrics bleu}: sacreBLEU's BLEU, with its option names. */
@Command(
    name = "bleu",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "BLEU exactly as sacreBLEU computes it; prints score, statistics and signature as JSON.")
final class BleuMetricCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin MetricInputs inputs;

  @Option(names = {"--tokenize", "-tok"}, defaultValue = "13a", paramLabel = "TOK",
      description = "Tokenizer: 13a, intl, char or none (default: ${DEFAULT-VALUE}).")
  String tokenize;

  @Option(names = {"--lowercase", "-lc"}, description = "Lowercase hypotheses and references.")
  boolean lowercase;

  @Option(names = {"--smooth-method", "-s"}, defaultValue = "exp", paramLabel = "METHOD",
      description = "Smoothing: exp, floor, add-k or none (default: ${DEFAULT-VALUE}).")
  String smoothMethod;

  @Option(names = {"--smooth-value", "-sv"}, paramLabel = "VALUE",
      description = "Value for floor (default 0.1) or add-k (default 1).")
  Double smoothValue;

  @Option(names = {"--sentence", "-sl"},
      description = "Print one JSON line per segment (sentence BLEU with effective order, as sacreBLEU -sl).")
  boolean sentence;

  @Override
  public Integer call() {
    SmoothMethod method = SmoothMethod.fromName(smoothMethod);
    if (smoothValue != null && !method.takesValue()) {
      throw new IllegalArgumentException("--smooth-value only applies to --smooth-method floor or add-k, not " + smoothMethod);
    }
    BleuOptions options = BleuOptions.corpusDefaults()
        .withTokenizer(BleuTokenizer.fromName(tokenize))
        .withLowercase(lowercase)
        .withSmoothing(method, smoothValue);
    MetricInputs.Segments segments = inputs.read();
    List<String> hyps = segments.hypotheses().stream().map(SegmentText::stripTrailingWhitespace).toList();
    List<List<String>> refs = segments.referenceStreams().stream()
        .map(stream -> stream.stream().map(SegmentText::stripTrailingWhitespace).toList()).toList();
    if (sentence) {
      for (BleuScore s : Bleu.sentences(hyps, refs, options.withEffectiveOrder(true))) {
        MetricsCommand.printJson(spec, "BLEU", s, false);
      }
    } else {
      MetricsCommand.printJson(spec, "BLEU", Bleu.corpus(hyps, refs, options), true);
    }
    return 0;
  }
}
