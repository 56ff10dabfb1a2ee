package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.summarization.SummarizerTraining;
import org.mlmsuite.summarization.SummaryEvaluation;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationEvaluation;
import org.mlmsuite.translation.TranslationTraining;
import picocli.CommandLine;

/**
 * A library user gets what {@code mlm} does with no optional flag: the requests the commands build
 * from their {@code defaultValue}s equal the task modules' {@code defaults(...)}.
 */
class TaskRequestDefaultsTest {
  static final Path B = Path.of("bb");
  static final Path OUT = Path.of("out");

  /** The subcommand object after parsing, without running it. */
  @SuppressWarnings("unchecked")
  static <T> T parsed(String... args) {
    CommandLine.ParseResult result = new CommandLine(new MlmCommand()).parseArgs(args);
    return (T) result.subcommand().subcommand().commandSpec().userObject();
  }

  @Test
  void summarizeTrainInBothModes() {
    SummarizeCommand.Train train = parsed("summarize", "train", "--backbone", "bb", "--train", "d", "--out", "out");
    for (SummarizerTraining.Mode mode : SummarizerTraining.Mode.values()) {
      assertEquals(SummarizerTraining.Request.defaults(mode, B, "d", OUT), train.request(mode));
    }
  }

  @Test
  void summarizeEvalAndBaseline() {
    String[] args = {"summarize", "eval", "--model", "m", "--test", "t"};
    SummarizeCommand.Eval eval = parsed(args);
    assertEquals(SummaryEvaluation.Request.defaults(Path.of("m"), "t").withCommandLine(List.of(args)), eval.request());
    String[] baselineArgs = {"summarize", "baseline", "--test", "t"};
    SummarizeCommand.BaselineCmd baseline = parsed(baselineArgs);
    assertEquals(SummaryEvaluation.BaselineRequest.defaults("t").withReport(null, List.of(baselineArgs)),
        baseline.request());
  }

  @Test
  void translateTrainAndEval() {
    TranslateCommand.Train train = parsed("translate", "train", "--backbone", "bb", "--train", "d", "--out", "out");
    TranslationTraining.Request defaults = TranslationTraining.Request.defaults(B, ParallelData.Input.of("d"), OUT);
    TranslationTraining.Request built = train.request();
    assertEquals(defaults.withData(built.dev(), null, 0), built);
    assertEquals(true, built.dev().isEmpty(), "no dev flag: no dev data");
    String[] args = {"translate", "eval", "--model", "m", "--test", "t"};
    TranslateCommand.Eval eval = parsed(args);
    assertEquals(TranslationEvaluation.Request.defaults(Path.of("m"), ParallelData.Input.of("t"))
        .withCommandLine(List.of(args)), eval.request());
  }
}
