package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryDecoding;
import org.mlmsuite.summarization.SummaryEvaluation;

/**
 * A summarizer scored with ROUGE beside {@code baselines} (e.g. lead-3,longest-3, or none)
 * ({@code mlm summarize eval}), decoding with the model's defaults; null fields: the data's
 * defaults; zero maxTestExamples: all. The report is written as folder {@code report}.
 */
public record SummaryEvaluationStage(String model, String test, String documentField, List<String> summaryFields,
    int maxTestExamples, String baselines, String report) implements Stage {
  public SummaryEvaluationStage {
    summaryFields = summaryFields == null ? null : List.copyOf(summaryFields);
  }

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("summarize", "eval", "--model", model, "--test", test));
    if (documentField != null) {
      args.addAll(List.of("--document-field", documentField));
    }
    if (summaryFields != null) {
      args.addAll(List.of("--summary-field", String.join(",", summaryFields)));
    }
    if (maxTestExamples > 0) {
      args.addAll(List.of("--max-test-examples", String.valueOf(maxTestExamples)));
    }
    args.addAll(List.of("--baselines", baselines, "--report", OUT + "/" + report));
    return args;
  }

  public SummaryEvaluation.Request request(Path dir) {
    return SummaryEvaluation.Request.defaults(Path.of(model), test)
        .withData(new SummaryData.ReadOptions(documentField, summaryFields, null), maxTestExamples)
        .withBaselines(baselines).withDecoding(SummaryDecoding.MODEL_DEFAULTS).withOutputs(null, dir.resolve(report))
        .withCommandLine(Stage.resolved(this, dir));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new SummaryEvaluationStage(paths.apply(model), paths.apply(test), documentField, summaryFields,
        maxTestExamples, baselines, report);
  }

  @Override
  public void run(Path dir, boolean resume) throws IOException {
    System.out.print(SummaryEvaluation.run(request(dir), Stage::message).text());
  }
}
