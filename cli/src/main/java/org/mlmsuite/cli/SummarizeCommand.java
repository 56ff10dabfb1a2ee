package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.summarization.Baseline;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlm summarize baseline|train|eval|run}: extractive summarization and its ROUGE harness. */
@Command(
    name = "summarize",
    mixinStandardHelpOptions = true,
    description = {
        "Summarize documents (DialogSum or any JSONL/CSV with document and summary fields):",
        "Lead-N/Longest-N baselines, an extractive BertSumExt model on a backbone, ROUGE reports."},
    subcommands = {SummarizeCommand.BaselineCmd.class})
public final class SummarizeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where document and reference are in a JSONL/CSV; catalog datasets ignore these. */
  static final class FieldOptions {
    @Option(names = "--document-field", description = "Document field/column (default: document).")
    String document;

    @Option(names = "--summary-field", split = ",", description = "Reference summary field(s)/column(s), comma separated (default: summary).")
    List<String> summaries;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    SummaryData read(String spec, String defaultSplit) {
      return SummaryData.read(spec, defaultSplit, document, summaries, dataDir);
    }
  }

  @Command(name = "baseline", mixinStandardHelpOptions = true,
      description = "Score model-free baselines (lead-N, longest-N) with ROUGE; no model needed.")
  static final class BaselineCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = {"--baseline", "--baselines"}, defaultValue = "lead-3,longest-3", description = "Comma-separated baselines (default ${DEFAULT-VALUE}).")
    String baselines;

    @Option(names = "--split-policy", defaultValue = "auto", description = "Sentence units: turns (one per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--report", description = "Report directory (default: none).")
    Path reportDir;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      SummaryData data = fields.read(test, "test");
      SentencePolicy sentencePolicy = resolvePolicy(policy, data);
      List<SummaryEvaluation.Scored> rows = new ArrayList<>();
      for (Baseline b : Baseline.parseList(baselines)) {
        rows.add(SummaryEvaluation.baseline(b, sentencePolicy, data.examples()));
      }
      var out = spec.commandLine().getOut();
      out.printf("%s: %d examples, sentence policy %s%n", data.source(), data.size(), sentencePolicy.cliName());
      out.print(SummaryEvaluation.table(rows));
      if (reportDir != null) {
        Provenance provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(data.name(), data.split(), data.size(), data.source())
            .timing("eval", (System.nanoTime() - start) / 1e9).build();
        Report report = SummaryEvaluation.report("Summarization baselines on " + data.source(), rows, provenance, null,
            "Sentence policy: " + sentencePolicy.cliName());
        new ReportWriter().write(report, reportDir);
        out.printf("report: %s%n", reportDir.resolve(ReportWriter.HTML));
      }
      out.flush();
      return 0;
    }
  }

  static SentencePolicy resolvePolicy(String name, SummaryData data) {
    return name.equalsIgnoreCase("auto")
        ? SentencePolicy.detect(data.examples().stream().limit(200).map(e -> e.document()).toList())
        : SentencePolicy.parse(name);
  }
}
